/**
 * Photos (from the citizen's phone, at most 3) and scans (attached by staff) kept with an item.
 * Checked and cleaned before anything is stored (`prepareAttachments`), so a bad file refuses the
 * whole submission with nothing changed; written in the submission's transaction. Shown only to
 * staff who may act on the item (never viewers, never a public route); erased with contact data.
 */
import type { AttachmentKind } from '@hailong/domain';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { AttachmentRow } from '../reports/channel-types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { cleanMedia, type CleanMedia, type MediaType } from '../media/image-metadata.ts';
import {
  declaredImageSize,
  isTooLarge,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
} from '../media/image-size.ts';
import { loadAccess } from '../auth/access.ts';
import { canAct, eventId, requireVisible } from './feedback-access.ts';

export const ATTACHMENT_RULES: Readonly<
  Record<AttachmentKind, { max: number; maxBytes: number; types: readonly MediaType[] }>
> = {
  // The phone page resizes to 1600 px and re-encodes at 0.8: a few hundred KB each.
  photo: { max: 3, maxBytes: 700 * 1024, types: ['image/jpeg', 'image/png'] },
  scan: {
    max: 1,
    maxBytes: 4 * 1024 * 1024,
    types: ['image/jpeg', 'image/png', 'application/pdf'],
  },
};

const unsupported = (index: number, message: string) =>
  new ApiError(
    422,
    'unsupported_media',
    'Tệp đính kèm không hợp lệ: chỉ nhận ảnh JPEG, PNG (bản quét: cả PDF), không quá dung lượng cho phép.',
    [{ path: `attachments.${index}`, message }],
  );

const tooLarge = (index: number, width: number, height: number) =>
  new ApiError(
    422,
    'image_too_large',
    `Ảnh quá lớn: tối đa ${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh, mỗi cạnh không quá ${MAX_IMAGE_SIDE} điểm ảnh. Hãy chụp lại hoặc thu nhỏ ảnh.`,
    [
      {
        path: `attachments.${index}`,
        message: `${width}×${height} pixels: at most ${MAX_IMAGE_PIXELS} and ${MAX_IMAGE_SIDE} a side`,
      },
    ],
  );

/**
 * Each file checked by its bytes and cleaned of metadata, or a 422 naming the first bad one. An
 * image is measured by its header alone, never decoded: one that declares more pixels than the
 * budget is refused whatever its byte size (a decompression bomb is a few dozen bytes).
 */
export function prepareAttachments(
  kind: AttachmentKind,
  files: readonly Uint8Array[],
): CleanMedia[] {
  const rule = ATTACHMENT_RULES[kind];
  if (files.length > rule.max) throw unsupported(rule.max, `at most ${rule.max}`);
  return files.map((bytes, i) => {
    if (bytes.length === 0 || bytes.length > rule.maxBytes) {
      throw unsupported(i, `between 1 and ${rule.maxBytes} bytes`);
    }
    const clean = cleanMedia(bytes, rule.types);
    if (!clean) throw unsupported(i, `not one of ${rule.types.join(', ')}`);
    if (clean.mediaType !== 'application/pdf') {
      const size = declaredImageSize(clean.bytes, clean.mediaType);
      if (!size) throw unsupported(i, 'no readable image size in its header');
      if (isTooLarge(size)) throw tooLarge(i, size.width, size.height);
    }
    return clean;
  });
}

/** Stores prepared files with the item; call inside the transaction that stores the item. */
export async function storeAttachments(
  tx: Repositories,
  feedbackId: string,
  kind: AttachmentKind,
  files: readonly CleanMedia[],
  now: number,
): Promise<void> {
  for (const file of files) {
    await tx.attachments.insert(
      {
        id: eventId(now),
        feedbackId,
        kind,
        mediaType: file.mediaType,
        size: file.bytes.length,
        createdAt: now,
      },
      file.bytes,
    );
  }
}

/** The attachments `user` may see on the item: all of them for those who act on it, else none. */
export async function visibleAttachments(
  repos: Repositories,
  user: UserRow,
  item: Parameters<typeof canAct>[1],
  tree: Parameters<typeof canAct>[2],
): Promise<AttachmentRow[]> {
  return canAct(user, item, tree) ? repos.attachments.listFor(item.id) : [];
}

/** What the attachment route serves, behind the same access rules as the item it belongs to. */
export function createFeedbackAttachmentsService(repos: Repositories) {
  return {
    /** One attachment's bytes, for staff who may act on its item; "not found" for everyone else. */
    async read(feedbackId: string, attachmentId: string, user: UserRow) {
      const { tree } = await loadAccess(repos, user);
      const item = requireVisible(user, await repos.feedback.findById(feedbackId), tree);
      if (!canAct(user, item, tree)) throw notFound('Tệp đính kèm');
      const file = await repos.attachments.read(item.id, attachmentId);
      if (!file) throw notFound('Tệp đính kèm');
      return file;
    },
  };
}

export type FeedbackAttachmentsService = ReturnType<typeof createFeedbackAttachmentsService>;
