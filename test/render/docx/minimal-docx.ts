/**
 * A minimal WordprocessingML package, written by hand and zipped with pizzip: just enough for
 * Word, LibreOffice and docxtemplater to accept it. Test helper, not a test file.
 */
import PizZip from 'pizzip';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A paragraph with one run of text. */
export const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A table row with one paragraph per cell. */
export const tr = (...cells: string[]): string => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;

export const table = (...rows: string[]): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join('')}</w:tbl>`;

export const documentXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}<w:sectPr/></w:body></w:document>`;

export interface DocxParts {
  /** Inner XML of <w:body>. */
  body: string;
  /** Inner XML of <w:hdr>, when the document should have a header. */
  header?: string;
}

export function makeDocx(parts: DocxParts | string): Uint8Array {
  const { body, header } = typeof parts === 'string' ? { body: parts, header: undefined } : parts;
  const fixed = new Date(2001, 0, 1, 0, 0, 0);
  const zip = new PizZip();
  const add = (name: string, xml: string): void => {
    zip.file(name, xml, { date: fixed });
  };
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      (header === undefined
        ? ''
        : '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>') +
      '</Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  add('word/document.xml', documentXml(body));
  add(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      (header === undefined
        ? ''
        : '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>') +
      '</Relationships>',
  );
  if (header !== undefined) {
    add(
      'word/header1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${header}</w:hdr>`,
    );
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The text of one part of a .docx, to compare as XML text. */
export function partXml(docx: Uint8Array, name = 'word/document.xml'): string {
  const file = new PizZip(docx).file(name);
  if (!file) throw new Error(`no ${name} in the document`);
  return file.asText();
}

/** The inner XML of <w:body>, without the final <w:sectPr/>. */
export function bodyXml(docx: Uint8Array): string {
  const xml = partXml(docx);
  const m = /<w:body>([\s\S]*)<w:sectPr\/><\/w:body>/.exec(xml);
  if (!m) throw new Error('no <w:body> in word/document.xml');
  return m[1]!;
}

/** The text a reader sees: <w:t> contents unescaped, paragraphs and breaks as newlines. */
export function visibleText(xml: string): string {
  return xml
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<\/w:tc>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
