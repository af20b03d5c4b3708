/**
 * Quoting a file's content in a message, so that it can be left out.
 *
 * Incident files hold personal data. A diagnostic names the file, the line, the column and the
 * field, which is enough to find the problem; it quotes what the file holds ("found 'Jan de
 * Vries'") only when the user asks for it (`--verbose`). So wherever a message quotes content,
 * the code that builds the message wraps the quoted text with `quoted()`; `makeDiagnostic` then
 * keeps two versions: `message` (everything, as before) and `redacted.message` (every quotation
 * replaced by `…`). The CLI chooses which one to print (formatDiagnostic's `redact` option,
 * `redactDiagnostic` for --json).
 *
 * What counts as content: any value that failed its check (it could be anything: a name pasted
 * into the wrong field, a phone number where a count belongs) and any free text. Values that
 * passed their format check (ids, dates and times, counts, codes from a list) are what a rule is
 * about and hold no free text; rules show them as they are.
 *
 * The markers are two characters of Unicode's private use area; `quoted` removes them from the
 * text it wraps, so content can never open or close a quotation by itself.
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;
const SPAN = /\uE000[^\uE000\uE001]*\uE001/g;

/** What a quotation becomes when content is not shown. */
export const REDACTED = '…';

/** Mark `text` as quoted from a user's file. */
export function quoted(text: string): string {
  return `${OPEN}${text.replace(MARKERS, '')}${CLOSE}`;
}

/** True when `text` holds a quotation made with `quoted`. */
export function hasQuotes(text: string): boolean {
  return text.includes(OPEN);
}

/** The text with its quotations shown (markers removed). */
export function reveal(text: string): string {
  return text.replace(MARKERS, '');
}

/** The text with every quotation replaced by `…`. */
export function redact(text: string): string {
  return text.replace(SPAN, REDACTED).replace(MARKERS, '');
}
