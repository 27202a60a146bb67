/**
 * The ways a rating or a phản ánh reaches the register: the tablet at the counter, the citizen's
 * own phone through a counter's QR code, and staff entering what came by phone, letter or portal.
 */
export const SOURCE_CHANNELS = ['tablet', 'phone', 'staff'] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];
