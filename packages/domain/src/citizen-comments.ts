/**
 * Góp ý thêm: the free words a citizen adds after a low rating. Staff of the unit read them on the
 * report, searchable without diacritics; a viewer reads them with every phone number masked, since
 * a citizen may leave their own number there (Nghị định 13/2023/NĐ-CP: personal data only to
 * those who answer).
 */
import { maskContactText } from './contact-mask.ts';
import type { Role } from './roles.ts';
import { foldDiacritics } from './vi-text.ts';

/** The words of a search, folded (no case, no diacritics); empty: everything matches. */
export function searchTerms(query: string | null | undefined): string[] {
  return foldDiacritics((query ?? '').normalize('NFC'))
    .split(/\s+/)
    .filter(Boolean);
}

/** Whether `text` holds every term, in any case and with or without diacritics. */
export function matchesTerms(text: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const folded = foldDiacritics(text.normalize('NFC')).replace(/\s+/g, ' ');
  return terms.every((term) => folded.includes(term));
}

/** Whether a role reads a comment with its phone numbers masked. */
export const masksCommentContact = (role: Role): boolean => role === 'viewer';

/** A comment as `role` may read it: as typed, or with every phone number masked. */
export function commentForRole(text: string, role: Role): string {
  return masksCommentContact(role) ? maskContactText(text, { name: null, phone: null }) : text;
}
