/**
 * Markdown (already filled in, with every incident value escaped) to the HTML body of a PDF.
 * Template authors may come from a federation: raw HTML in a template is shown as text, never
 * interpreted, and images are kept only when they are embedded data: URIs (nothing is fetched).
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './pdf/html-page.js';

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    image(token: Tokens.Image): string {
      if (!/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(token.href)) return escapeHtml(token.text);
      return `<img src="${token.href}" alt="${escapeHtml(token.text)}">`;
    },
    link(token: Tokens.Link): string | false {
      // Links stay readable in print; only web and mail links become links.
      if (!/^(https?:|mailto:)/i.test(token.href)) return this.parser.parseInline(token.tokens);
      return false;
    },
  },
});

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown) as string;
}
