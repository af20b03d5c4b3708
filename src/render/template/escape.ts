/**
 * Escaping of data values for Markdown templates: whatever the string, after marked it shows
 * literally, as text, in one paragraph (or in the paragraph, list item or table cell the
 * placeholder sits in), and adds no HTML element but line breaks.
 *
 * How
 *   - every ASCII punctuation character gets a backslash (CommonMark allows escaping all of
 *     them), so emphasis, links, images, code, headings (`#`), lists (`-`, `+`, `*`, `1.`, `1)`),
 *     block quotes, tables (`|`), fences, setext underlines (`===`, `---`), footnote-like `[^x]`,
 *     GFM strikethrough (`~`) and GFM autolinks (`www.x.nl`, `http://…`, `a@b.nl`: the escaped
 *     dots and colons break the pattern) all stay text;
 *   - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;` instead, so no HTML tag or entity survives;
 *   - a line break becomes a hard break (backslash + newline), so a value never ends its
 *     paragraph or list item: no blank line can appear; a run of n line breaks gives n `<br>`;
 *   - leading and trailing line breaks, and spaces at the start and end of each line, are dropped
 *     (four leading spaces would start a code block; a trailing backslash-break at the end of a
 *     paragraph would print a "\");
 *   - control characters other than tab and line breaks (U+0000-U+001F, U+007F) are dropped:
 *     they never belong in a letter and CommonMark replaces U+0000.
 * Not meant for values placed inside a code span or fenced block of the template: there
 * backslashes show. Template authors put placeholders in running text, lists and tables.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// All ASCII punctuation: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
const PUNCTUATION_ALL = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(value: string): string {
  const lines = value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map(escapeLine).join('\\\n');
}

/**
 * One replace over the line, not a loop of `out += ch`: that loop made V8 keep every value as a
 * rope of one-character pieces (32 bytes each) until something flattened it, 115 MB for the
 * Markdown of a 2,500-row register (measured in a heap snapshot); that Markdown also took 3.2 s
 * instead of 2.2 s.
 */
function escapeLine(line: string): string {
  return line.replace(PUNCTUATION_ALL, (ch) => ENTITIES[ch] ?? `\\${ch}`);
}
