/**
 * Which text both databases store unchanged and every export can carry. PostgreSQL refuses U+0000
 * in `text` (and fails the whole transaction: one such record once stalled a tablet's queue); an
 * unpaired surrogate has no UTF-8 form, so a driver silently turns it into U+FFFD; control
 * characters and U+FFFE/U+FFFF are not allowed in XML 1.0, so one of them would make the XLSX
 * export unreadable. None of them is ever typed by a citizen on purpose: such text is refused, per
 * record, never stored and never silently altered. Tab, line feed and carriage return stay allowed.
 */

// C0 controls but \t \n \r, DEL and C1 controls, the two noncharacters XML forbids, and (with the
// `u` flag, where a well-paired surrogate is one astral code point) every unpaired surrogate.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;

/** Whether `text` can be stored and exported as it is. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

// Every control character (C0 with tab, line feed and carriage return; DEL; C1 with NEL) and the
// Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * Whether `text` is one line with no control character: what a name must be (a unit, a lĩnh vực,
 * a quầy). Names go into mail subjects, where a line break starts a new header, and into labels,
 * CSV cells and log lines that must each stay one line.
 */
export function isOneLineText(text: string): boolean {
  return !LINE_BREAKING.test(text);
}

/**
 * `text` on one line: each run of control characters and line or paragraph separators (and the
 * spaces around it) becomes one space. For names stored before they had to be one line, where a
 * sentence or a mail header interpolates them.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\p{Cc}\u2028\u2029][\p{Cc}\u2028\u2029\s]*/gu, ' ').trim();
}
