/**
 * .docx templates: docxtemplater (paragraphLoop, linebreaks) with the expression parser and
 * filters shared with Markdown templates (src/render/template). Values are XML-escaped by
 * docxtemplater itself; a "\n" in a value becomes a line break (<w:br/>).
 *
 * Same inputs, same bytes: every zip entry gets one fixed date (SOURCE_DATE_EPOCH when set, else
 * ctx.date, else 2000-01-01), written as local time because the zip format stores local
 * date-time fields and pizzip reads them with the local getters; entries keep their order, and
 * the archive is written with DEFLATE.
 *
 * Problems (syntax, unknown filters, forbidden expressions, missing values, values that are not
 * text, broken zips) come back as one TemplateError listing them all.
 */
import Docxtemplater from 'docxtemplater';
import type { DXT } from 'docxtemplater';
import { inflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';
import { createParser } from '../template/expressions.js';
import type { ProblemContext, TemplateProblem } from '../template/errors.js';
import { docxtemplaterProblems, failWith, filtersForData, recordMissing } from '../template/support.js';
import type { TemplateError } from '../template/errors.js';
import { tooDeep } from '../template/text.js';

export interface DocxRenderContext {
  /** Shown in errors, e.g. "templates/_default/brief-betrokkene.docx". */
  templatePath: string;
  /** Incident id, shown in errors. */
  incident?: string;
  /** Date written into the zip entries when SOURCE_DATE_EPOCH is not set. */
  date?: Date;
}

/** The main part every Word document has. */
export const DOCUMENT_PART = 'word/document.xml';

const DEFAULT_ZIP_DATE = Date.UTC(2000, 0, 1, 0, 0, 0);
// The zip (DOS) date-time fields cover 1980-01-01 to 2107-12-31.
const ZIP_MIN = Date.UTC(1980, 0, 1, 0, 0, 0);
const ZIP_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * The date to stamp on zip entries: the instant (SOURCE_DATE_EPOCH seconds, else `date`, else
 * 2000-01-01T00:00Z), clamped to what zip can store, returned as a Date whose *local* fields
 * equal the instant's UTC fields, so the bytes do not depend on the machine's time zone.
 * Throws a TemplateError (DL-SOURCE-DATE-EPOCH) when SOURCE_DATE_EPOCH is not whole seconds.
 */
export function zipEntryDate(
  options: { sourceDateEpoch?: string | undefined; date?: Date | undefined; templatePath?: string } = {},
): Date {
  let ms: number;
  const sde = options.sourceDateEpoch;
  if (sde !== undefined && sde !== '') {
    if (!/^\d+$/.test(sde.trim())) {
      const where = { templatePath: options.templatePath ?? '' };
      throw failWith(
        [
          {
            code: 'DL-SOURCE-DATE-EPOCH',
            id: 'bad_source_date_epoch',
            xtag: '',
            explanation: `SOURCE_DATE_EPOCH is "${sde}", not a whole number of seconds since 1970-01-01`,
            templatePath: where.templatePath,
          },
        ],
        where,
      );
    }
    ms = Number(sde.trim()) * 1000;
  } else if (options.date !== undefined && !Number.isNaN(options.date.getTime())) {
    ms = options.date.getTime();
  } else {
    ms = DEFAULT_ZIP_DATE;
  }
  const u = new Date(Math.min(ZIP_MAX, Math.max(ZIP_MIN, ms)));
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
}

/**
 * The document's own created/modified dates (docProps/core.xml) follow the same instant as the zip
 * entries. `date` carries the instant's UTC fields as local fields (see zipEntryDate).
 */
function stampCoreProperties(zip: PizZip, date: Date): void {
  const core = zip.file('docProps/core.xml');
  if (!core) return;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}Z`;
  const xml = core
    .asText()
    .replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
  zip.file('docProps/core.xml', xml);
}

/** Set one date on every entry (both the entry's date and its options.date, which pizzip reads). */
export function stampZip(zip: PizZip, date: Date): void {
  for (const file of Object.values(zip.files)) {
    file.date = date;
    file.options.date = date;
  }
}

/** What a template may expand to, all entries together (media included). */
export const MAX_DOCX_UNCOMPRESSED = 64 * 1024 * 1024;

/**
 * What the XML parts of a template may hold together. docxtemplater needs some 150 bytes of memory
 * per byte of densely tagged XML: 2 MB is a template of a hundred pages or more and still renders
 * in a few seconds within 512 MB. (The default letters are under 100 kB.)
 */
export const MAX_DOCX_XML = 2 * 1024 * 1024;

interface EntryData {
  compressedSize?: number;
  uncompressedSize?: number;
  compressionMethod?: string;
  getCompressedContent?: () => Uint8Array | string;
}

const STORE = '\x00\x00';
const DEFLATE = '\x08\x00';
const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);
const mb = (n: number): number => Math.max(1, Math.round(n / 1024 / 1024));

/**
 * The real size of every entry, found by inflating it with a cap, before pizzip or docxtemplater
 * inflate anything: a zip's own size fields can lie, and pizzip inflates a part completely before
 * it compares (a 300 kB zip holding a "68 kB" document.xml of 300 MB took 1.3 GB). An entry is
 * never inflated beyond what it declares, nor beyond what is left of the budget.
 */
function checkSizes(zip: PizZip, where: ProblemContext): void {
  let total = 0;
  let xml = 0;
  const tooLarge = (explanation: string): TemplateError =>
    failWith([{ code: 'DL-TEMPLATE-TOO-LARGE', id: 'too_large', xtag: '', explanation, templatePath: where.templatePath }], where);
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir) continue;
    const data = (f as unknown as { _data?: EntryData })._data;
    if (!data || typeof data.getCompressedContent !== 'function') continue;
    const declared = data.uncompressedSize ?? 0;
    if (declared > MAX_DOCX_UNCOMPRESSED - total) {
      throw tooLarge(`the document would unpack to ${mb(total + declared)} MB or more, more than the ${mb(MAX_DOCX_UNCOMPRESSED)} MB a template may hold`);
    }
    let actual: number;
    const raw = data.getCompressedContent();
    const bytes = typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw;
    if (data.compressionMethod === STORE) {
      actual = bytes.length;
    } else if (data.compressionMethod === DEFLATE) {
      try {
        actual = inflateRawSync(bytes, { maxOutputLength: Math.max(1, declared) }).length;
      } catch {
        actual = -1; // more than declared (a zip bomb), or damaged data
      }
    } else {
      actual = -1;
    }
    if (actual !== declared) {
      throw failWith(
        [
          {
            code: 'DL-TEMPLATE-NOT-A-DOCX',
            id: 'bad_zip_entry',
            xtag: '',
            explanation: `the file is damaged, or is a zip bomb: the zip entry ${name} does not unpack to the size it declares`,
            templatePath: where.templatePath,
            part: name,
          },
        ],
        where,
      );
    }
    total += actual;
    if (isXmlPart(name)) xml += actual;
  }
  if (xml > MAX_DOCX_XML) {
    throw tooLarge(`the document's XML parts hold ${mb(xml)} MB, more than the ${mb(MAX_DOCX_XML)} MB a template may hold (images and other media do not count)`);
  }
}

/**
 * Where an XML part is not well-formed, in words, or undefined. Enough to refuse what Word would
 * refuse to open after rendering (a tag left open, a stray "<"), and document type declarations,
 * which never occur in Word's XML and are how XML entity bombs are built. Linear in the text.
 */
export function xmlTrouble(xml: string): string | undefined {
  const stack: string[] = [];
  let roots = 0;
  // One token per match, each character matched one way only (no backtracking blow-up on hostile input).
  const token = /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|\?[\s\S]*?\?>|(!(?:DOCTYPE|ENTITY))|(\/?)([A-Za-z_][\w.:-]*)(?![\w.:-])((?:[^<>"']|"[^"]*"|'[^']*')*)>)|</g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml)) !== null) {
    if (m[0] === '<') return `a "<" at character ${m.index + 1} starts no valid tag`;
    if (m[1]) return 'it holds a document type declaration (<!DOCTYPE ...>), which Word documents never contain';
    const name = m[3];
    if (name === undefined) continue; // comment, CDATA, processing instruction
    if (m[2]) {
      const open = stack.pop();
      if (open !== name) return open === undefined ? `</${name}> closes nothing` : `<${open}> is closed by </${name}>`;
    } else {
      if (stack.length === 0) roots++;
      if (!m[4]!.trimEnd().endsWith('/')) stack.push(name);
    }
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed`;
  if (roots !== 1) return roots === 0 ? 'it holds no element' : 'it holds more than one root element';
  return undefined;
}

function checkXml(zip: PizZip, where: ProblemContext): void {
  const problems: TemplateProblem[] = [];
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir || !isXmlPart(name)) continue;
    const text = f.asText();
    const deep = tooDeep(text, where.templatePath, name);
    if (deep) problems.push(deep);
    const trouble = xmlTrouble(text);
    if (trouble) {
      problems.push({
        code: 'DL-TEMPLATE-NOT-A-DOCX',
        id: 'malformed_xml',
        xtag: '',
        explanation: `the part ${name} is not well-formed XML: ${trouble}; Word could not open the result`,
        templatePath: where.templatePath,
        part: name,
      });
    }
  }
  if (problems.length > 0) throw failWith(problems, where);
}

/**
 * Templates that passed the checks below, by identity: a build hands the same buffer (read once)
 * to every document, so sizes and XML are checked once per template, not once per document.
 * The length is kept too, as a guard against a buffer reused for other bytes.
 */
const checkedTemplates = new WeakMap<Uint8Array, number>();

/** Open a .docx template, or fail with DL-TEMPLATE-NOT-A-DOCX (or -TOO-LARGE). */
export function openDocx(template: Uint8Array, where: ProblemContext): PizZip {
  const problem = (id: string, explanation: string): TemplateProblem => ({
    code: 'DL-TEMPLATE-NOT-A-DOCX',
    id,
    xtag: '',
    explanation,
    templatePath: where.templatePath,
  });
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch (e) {
    throw failWith(
      [problem('not_a_zip', `the file is not a Word document (.docx): it is not a zip archive (${(e as Error).message})`)],
      where,
      e,
    );
  }
  if (checkedTemplates.get(template) === template.length) return zip;
  checkSizes(zip, where);
  if (!zip.file(DOCUMENT_PART)) {
    throw failWith(
      [problem('no_document_xml', `the file is a zip archive but not a Word document: it has no ${DOCUMENT_PART}`)],
      where,
    );
  }
  checkXml(zip, where);
  checkedTemplates.set(template, template.length);
  return zip;
}

/** Docxtemplater options shared by rendering and listing tags. */
export const DOCX_OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  errorLogging: false,
  syntax: { changeDelimiterPrefix: null },
  warnFn: () => undefined,
} as const;

export function renderDocx(template: Uint8Array, data: object, ctx: DocxRenderContext): Uint8Array {
  const where: ProblemContext = { templatePath: ctx.templatePath, incident: ctx.incident };
  // Check the date first: a bad SOURCE_DATE_EPOCH is a setup problem, not a template problem.
  // A caller that passes a date has already decided (the build passes SOURCE_DATE_EPOCH's instant itself).
  const date = zipEntryDate({ sourceDateEpoch: ctx.date ? undefined : process.env.SOURCE_DATE_EPOCH, date: ctx.date, templatePath: ctx.templatePath });
  const zip = openDocx(template, where);
  const filters = filtersForData(data, where);
  const problems: TemplateProblem[] = [];
  // Modules are asked first and get the templater, so the problem can name the part (body, header…).
  const nullGetter = (part: DXT.Part, scopeManager: DXT.ScopeManager, xt?: { filePath?: string }): string | undefined =>
    part.module ? undefined : recordMissing(problems, where, part, scopeManager, xt?.filePath);
  const missingValues: DXT.Module = { name: 'DatalekMissingValues', nullGetter: nullGetter as DXT.Module['nullGetter'] };

  let doc: Docxtemplater<PizZip>;
  try {
    doc = new Docxtemplater(zip, {
      ...DOCX_OPTIONS,
      parser: createParser({ filters }),
      modules: [missingValues],
      nullGetter: (part, scopeManager) => recordMissing(problems, where, part, scopeManager),
    });
  } catch (e) {
    throw failWith(docxtemplaterProblems(e, where), where, e);
  }

  let cause: unknown;
  try {
    doc.render(data);
  } catch (e) {
    cause = e;
    problems.push(...docxtemplaterProblems(e, where));
  }
  if (problems.length > 0) throw failWith(problems, where, cause);

  const out = doc.getZip();
  stampCoreProperties(out, date);
  stampZip(out, date);
  return doc.toUint8Array({ compression: 'DEFLATE' });
}
