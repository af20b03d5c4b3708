/** Small wording helpers for human CLI output. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

export function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

/**
 * Text from users' files made safe for a terminal: control characters (other than newline and
 * tab) and bidirectional overrides are shown as \u escapes, so a value in an incident file cannot
 * clear the screen, retitle the window or reorder what is shown. JSON output keeps its meaning:
 * there these characters occur only inside strings, where the \u escape stands for the same
 * character.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
