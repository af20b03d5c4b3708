/** A complete, self-contained HTML5 document for the PDF route. */
import { FONT_ORIGIN } from './fonts.js';

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Nothing may be fetched: styles are inline, images are data: URIs, fonts are data: URIs or the
 * bundled faces under FONT_ORIGIN (answered by the renderer itself, never by the network). This
 * is the second line of defence; the renderer also refuses every other request.
 */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data: ${FONT_ORIGIN}`;

export interface HtmlDocumentInput {
  /** Document title; becomes <title> and thereby the PDF's /Title. Plain text, escaped here. */
  title: string;
  /** BCP 47 language tag, e.g. "nl", "nl-BE", "fr-BE"; becomes <html lang> and the PDF's /Lang. */
  lang: string;
  /** Stylesheet text, e.g. `pdfCss()` from base-css.ts plus template CSS. Must not contain `</style`. */
  css: string;
  /** Body HTML, already safe (the caller escapes values before Markdown/HTML rendering). */
  bodyHtml: string;
}

export function htmlDocument({ title, lang, css, bodyHtml }: HtmlDocumentInput): string {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) {
    throw new RangeError(`htmlDocument: "${lang}" is not a language tag such as "nl" or "nl-BE"`);
  }
  // A stylesheet cannot be escaped, only refused: `</style` would end the element early.
  if (/<\/style/i.test(css)) throw new RangeError('htmlDocument: the CSS contains "</style"');
  return (
    '<!doctype html>\n' +
    `<html lang="${escapeHtml(lang)}">\n` +
    '<head>\n' +
    '<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">\n` +
    '<meta name="color-scheme" content="light">\n' +
    `<title>${escapeHtml(title)}</title>\n` +
    `<style>\n${css}\n</style>\n` +
    '</head>\n' +
    `<body>\n${bodyHtml}\n</body>\n` +
    '</html>\n'
  );
}
