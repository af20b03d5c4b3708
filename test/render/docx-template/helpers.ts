/** Helpers for the .docx template tests: parts as text, a small well-formedness check. Not a test file. */
import PizZip from 'pizzip';

export function parts(docx: Uint8Array): Map<string, string> {
  const zip = new PizZip(docx);
  return new Map(Object.values(zip.files).map((f) => [f.name, f.asText()]));
}

export function part(docx: Uint8Array, name: string): string {
  const xml = parts(docx).get(name);
  if (xml === undefined) throw new Error(`no ${name} in the document`);
  return xml;
}

/** The zip entry names and dates. */
export function entries(docx: Uint8Array): Array<{ name: string; date: Date; dir: boolean }> {
  return Object.values(new PizZip(docx).files).map((f) => ({ name: f.name, date: f.date, dir: f.dir }));
}

/**
 * Throws unless `xml` is well-formed as far as a template needs: one XML declaration, elements
 * nested properly, one root, text and attributes without a raw `<` or a bare `&`.
 */
export function assertWellFormed(xml: string, name = 'part'): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(re)) {
    const [, close, tag, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`${name}: stray "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    const checkAmp = (s: string): void => {
      const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(s);
      if (bad) throw new Error(`${name}: bare "&" at ${m.index}: ${s.slice(bad.index, bad.index + 20)}`);
    };
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error(`${name}: text outside the root`);
      checkAmp(text);
      continue;
    }
    checkAmp(attrs ?? '');
    if (close) {
      const open = stack.pop();
      if (open !== tag) throw new Error(`${name}: </${tag}> closes <${open}>`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(tag!);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length > 0) throw new Error(`${name}: unclosed ${stack.join(' > ')}`);
  if (roots !== 1) throw new Error(`${name}: ${roots} root elements`);
}

/** Text of each <w:t>, unescaped. */
export function wTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** Paragraphs of a part as the text a reader sees (runs joined, <w:br/> as "\n", tabs as "\t"). */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<w:br\/>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
