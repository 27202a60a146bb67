/**
 * Photos are made small on the phone before they leave it: at most 1600 px on the long side,
 * re-encoded as JPEG through a canvas, which also drops the camera's EXIF (the place it was taken).
 * The server strips metadata again; this keeps the upload a few hundred KB on a slow link.
 */
const MAX_SIDE = 1600;

export async function shrinkPhoto(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const url = canvas.toDataURL('image/jpeg', 0.8);
  return url.slice(url.indexOf(',') + 1);
}
