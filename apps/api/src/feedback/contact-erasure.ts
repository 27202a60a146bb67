/**
 * Erasing a citizen's contact data, on their request or by retention (Luật 91/2025/QH15: erase
 * once the purpose is served), erases it from everything kept about the item, not only from the
 * contact fields: the citizen's words, staff notes, the answer, the forwarding and closing notes
 * and the verdict's reason are rewritten with the name and every phone number masked, in the
 * transaction that clears the fields.
 *
 * Why rewrite rather than keep a keyed fingerprint of the name and number to mask with on every
 * read: the texts would still hold the erased values in clear, in the database and in every
 * backup, with a key to guard besides. Rewritten once, nothing is left to match and nothing to
 * leak. The cost: a note written after the erasure that repeats the name from memory is not
 * masked by it (every phone number in it still is, for viewers).
 */
import {
  feedbackSearchText,
  maskContactText,
  registerSearchText,
  type ContactToMask,
} from '@hailong/domain';
import type { ErasedTexts, FeedbackEventRow, Repositories } from '../repositories/types.ts';
import { eventId } from './feedback-access.ts';
import { maskDetails } from './feedback.mapper.ts';

/** Who erased and why, for the history. */
export interface Erasure {
  actorId: string | null;
  details: FeedbackEventRow['details'];
}

/**
 * Erases item `id`'s contact data and masks it in the item's texts, with a 'contact_erased' event:
 * 'erased'; 'none' when there was nothing left to erase; 'changed' (nothing written) when staff
 * changed the item while its texts were being masked. Runs inside `tx`.
 */
export async function eraseContactData(
  tx: Repositories,
  id: string,
  now: number,
  erasure: Erasure,
): Promise<'erased' | 'none' | 'changed'> {
  const item = await tx.feedback.findById(id);
  if (!item || item.contactErasedAt !== null) return 'none';
  const contact: ContactToMask = { name: item.contactName, phone: item.contactPhone };
  const mask = (text: string) => maskContactText(text, contact);
  const maskOrNull = (text: string | null) => (text === null ? null : mask(text));
  const content = mask(item.content);
  const answerText = maskOrNull(item.answerText);
  const texts: ErasedTexts = {
    read: {
      content: item.content,
      answerText: item.answerText,
      forwardedTo: item.forwardedTo,
      closeNote: item.closeNote,
      verdictReason: item.verdictReason,
    },
    content,
    searchText: feedbackSearchText(item.trackingCode, content),
    answerText,
    answerSearch:
      item.answerSearch === null ? null : registerSearchText(item.trackingCode, answerText ?? ''),
    forwardedTo: maskOrNull(item.forwardedTo),
    closeNote: maskOrNull(item.closeNote),
    verdictReason: maskOrNull(item.verdictReason),
    events: (await tx.feedback.listEvents(id)).flatMap((event) => {
      const note = maskOrNull(event.note);
      const details = maskDetails(event.details, mask);
      const changed =
        note !== event.note || Object.keys(details).some((k) => details[k] !== event.details[k]);
      return changed ? [{ id: event.id, note, details }] : [];
    }),
  };
  if (!(await tx.feedback.eraseContact(id, now, texts))) {
    return (await tx.feedback.findById(id))?.contactErasedAt === null ? 'changed' : 'none';
  }
  await tx.feedback.appendEvents([
    {
      id: eventId(now),
      feedbackId: id,
      at: now,
      actorId: erasure.actorId,
      action: 'contact_erased',
      fromStatus: item.status,
      toStatus: item.status,
      note: null,
      details: erasure.details,
    },
  ]);
  return 'erased';
}
