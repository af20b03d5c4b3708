/**
 * The fixed parts of a .docx template written by markdownTemplateToDocx: styles, numbering,
 * settings, fonts, footer, document properties, content types and relationships.
 *
 * Look (close to the PDF stylesheet, src/render/pdf/base-css.ts): Calibri 10.5 pt (Word and
 * Office have it; LibreOffice substitutes the metric-compatible Carlito, else a sans-serif), A4
 * (portrait, or landscape on request), margins 25 mm top, 20 mm left/right, 22 mm bottom with the
 * footer 10 mm from the edge, headings
 * 16 / 13 / 11.5 / 10.5 pt bold, tables in 9.5 pt with grey borders and a shaded header row.
 *
 * Child elements are written in the order the WordprocessingML schema requires (Word asks to
 * "repair" a document whose pPr/rPr/tblPr children are out of order).
 */
import { R_NS, W_NS, XML_DECL, xmlAttr, xmlText } from './xml.js';

export type TemplateLanguage = 'nl' | 'fr';

/** Twentieths of a point per millimetre. */
const mm = (v: number): number => Math.round((v * 1440) / 25.4);

export type Orientation = 'portrait' | 'landscape';

/** A4 (210 x 297 mm) in twips, and the margins. */
export const PAGE = {
  short: 11906,
  long: 16838,
  top: mm(25),
  bottom: mm(22),
  left: mm(20),
  right: mm(20),
  header: mm(12.5),
  footer: mm(10),
} as const;

/** Page width and height for an orientation. */
export const pageSize = (o: Orientation): { width: number; height: number } =>
  o === 'landscape' ? { width: PAGE.long, height: PAGE.short } : { width: PAGE.short, height: PAGE.long };

/** Width of the text column in twips. */
export const textWidth = (o: Orientation): number => pageSize(o).width - PAGE.left - PAGE.right;

export const FONT = 'Calibri';
export const MONO_FONT = 'Consolas';

export const LANG: Record<TemplateLanguage, string> = { nl: 'nl-NL', fr: 'fr-BE' };

/** Numbering: numId 1 is the bullet list, numId 2 the first numbered list, more follow. */
export const BULLET_NUM_ID = 1;
export const FIRST_DECIMAL_NUM_ID = 2;

/** Relationship ids of the fixed parts in word/_rels/document.xml.rels; hyperlinks follow. */
export const REL = { styles: 'rId1', numbering: 'rId2', settings: 'rId3', fontTable: 'rId4', footer: 'rId5' } as const;
export const FIRST_FREE_REL = 6;

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export function contentTypesXml(): string {
  const o = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    o('/word/document.xml', `${CT_WML}.document.main+xml`) +
    o('/word/styles.xml', `${CT_WML}.styles+xml`) +
    o('/word/numbering.xml', `${CT_WML}.numbering+xml`) +
    o('/word/settings.xml', `${CT_WML}.settings+xml`) +
    o('/word/fontTable.xml', `${CT_WML}.fontTable+xml`) +
    o('/word/footer1.xml', `${CT_WML}.footer+xml`) +
    o('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    o('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

export function packageRelsXml(): string {
  return (
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

export function documentRelsXml(hyperlinks: ReadonlyArray<{ id: string; target: string }>): string {
  return (
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="${REL.styles}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="${REL.numbering}" Type="${REL_TYPE}/numbering" Target="numbering.xml"/>` +
    `<Relationship Id="${REL.settings}" Type="${REL_TYPE}/settings" Target="settings.xml"/>` +
    `<Relationship Id="${REL.fontTable}" Type="${REL_TYPE}/fontTable" Target="fontTable.xml"/>` +
    `<Relationship Id="${REL.footer}" Type="${REL_TYPE}/footer" Target="footer1.xml"/>` +
    hyperlinks
      .map((h) => `<Relationship Id="${h.id}" Type="${REL_TYPE}/hyperlink" Target="${xmlAttr(h.target)}" TargetMode="External"/>`)
      .join('') +
    '</Relationships>'
  );
}

/** The document part around the body XML; the section properties come last in the body. */
export function documentXml(body: string, orientation: Orientation): string {
  const { width, height } = pageSize(orientation);
  const sectPr =
    '<w:sectPr>' +
    `<w:footerReference w:type="default" r:id="${REL.footer}"/>` +
    `<w:pgSz w:w="${width}" w:h="${height}"${orientation === 'landscape' ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    '<w:cols w:space="708"/>' +
    '<w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>';
  return XML_DECL + `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${sectPr}</w:body></w:document>`;
}

const rFonts = (f: string): string => `<w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:cs="${f}"/>`;
const size = (halfPoints: number): string => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const BORDER = 'w:val="single" w:sz="6" w:space="0" w:color="8C8C8C"';

/** Table borders, used in the table style and repeated on each table (LibreOffice reads both). */
export const TABLE_BORDERS =
  '<w:tblBorders>' +
  `<w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>` +
  `<w:insideH ${BORDER}/><w:insideV ${BORDER}/>` +
  '</w:tblBorders>';
export const TABLE_CELL_MARGINS =
  '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>' +
  '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>';
export const HEADER_FILL = 'E8EDF2';

/** Style ids used by the converter. */
export const STYLE = {
  heading: (level: number): string => `Heading${level}`,
  listParagraph: 'ListParagraph',
  quote: 'Quote',
  code: 'Codeblok',
  codeChar: 'CodeTekst',
  tableText: 'TabelTekst',
  tableHeader: 'TabelKop',
  table: 'DatalekTabel',
  section: 'Sjabloonregel',
  hyperlink: 'Hyperlink',
  footer: 'Footer',
} as const;

export function stylesXml(language: TemplateLanguage): string {
  const lang = LANG[language];
  const heading = (level: number, pt2: number, before: number, after: number): string =>
    `<w:style w:type="paragraph" w:styleId="${STYLE.heading(level)}">` +
    `<w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
    '<w:uiPriority w:val="9"/><w:qFormat/>' +
    `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="${after}" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
    `<w:rPr><w:b/><w:bCs/><w:color w:val="111111"/>${size(pt2)}</w:rPr>` +
    '</w:style>';
  return (
    XML_DECL +
    `<w:styles xmlns:w="${W_NS}" xmlns:r="${R_NS}">` +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${rFonts(FONT)}${size(21)}<w:lang w:val="${lang}" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    // Defaults Word expects to find.
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    '<w:pPr><w:widowControl/></w:pPr><w:rPr><w:color w:val="1A1A1A"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>' +
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    heading(1, 32, 0, 200) +
    heading(2, 26, 320, 120) +
    heading(3, 23, 240, 80) +
    heading(4, 21, 200, 40) +
    `<w:style w:type="paragraph" w:styleId="${STYLE.listParagraph}"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>` +
    '<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="140"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>' +
    `<w:style w:type="paragraph" w:styleId="${STYLE.quote}"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
    '<w:uiPriority w:val="29"/><w:qFormat/>' +
    '<w:pPr><w:pBdr><w:left w:val="single" w:sz="16" w:space="8" w:color="BBBBBB"/></w:pBdr><w:ind w:left="200"/></w:pPr>' +
    '<w:rPr><w:color w:val="333333"/></w:rPr></w:style>' +
    `<w:style w:type="paragraph" w:styleId="${STYLE.code}"><w:name w:val="Codeblok"/><w:basedOn w:val="Normal"/>` +
    '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F3F3F3"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:rPr>${rFonts(MONO_FONT)}${size(19)}</w:rPr></w:style>` +
    `<w:style w:type="character" w:styleId="${STYLE.codeChar}"><w:name w:val="Code tekst"/><w:basedOn w:val="DefaultParagraphFont"/>` +
    `<w:rPr>${rFonts(MONO_FONT)}${size(19)}<w:shd w:val="clear" w:color="auto" w:fill="F3F3F3"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.tableText}"><w:name w:val="Tabel tekst"/><w:basedOn w:val="Normal"/>` +
    `<w:pPr><w:spacing w:after="0" w:line="252" w:lineRule="auto"/></w:pPr><w:rPr>${size(19)}</w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.tableHeader}"><w:name w:val="Tabel kop"/><w:basedOn w:val="${STYLE.tableText}"/>` +
    '<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="111111"/></w:rPr></w:style>' +
    // Lines holding only {#x} / {/x} / {^x}: docxtemplater removes them when rendering.
    `<w:style w:type="paragraph" w:styleId="${STYLE.section}"><w:name w:val="Sjabloon: sectieregel"/><w:basedOn w:val="Normal"/>` +
    '<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="7F7F7F"/></w:rPr></w:style>' +
    `<w:style w:type="character" w:styleId="${STYLE.hyperlink}"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>` +
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0B4F8A"/><w:u w:val="single"/></w:rPr></w:style>' +
    `<w:style w:type="paragraph" w:styleId="${STYLE.footer}"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>' +
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:rPr><w:color w:val="555555"/>${size(16)}</w:rPr></w:style>` +
    `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Datalek tabel"/><w:basedOn w:val="TableNormal"/>` +
    '<w:uiPriority w:val="59"/>' +
    `<w:pPr><w:spacing w:after="0" w:line="252" w:lineRule="auto"/></w:pPr><w:rPr>${size(19)}</w:rPr>` +
    `<w:tblPr>${TABLE_BORDERS}${TABLE_CELL_MARGINS}</w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/></w:tcPr></w:tblStylePr>` +
    '</w:style>' +
    '</w:styles>'
  );
}

const BULLETS = ['\u2022', '\u2013', '\u25e6'];
const DECIMAL_FORMATS: Array<[string, (n: number) => string]> = [
  ['decimal', (n) => `%${n}.`],
  ['lowerLetter', (n) => `%${n}.`],
  ['lowerRoman', (n) => `%${n}.`],
];
/** Indentation of list level `ilvl` (0-based): 16 pt per level, like the PDF. */
export const listIndent = (ilvl: number): number => 320 * (ilvl + 1);
const HANGING = 320;

/**
 * One bullet list (abstractNum 0, numId 1) and one numbered list (abstractNum 1, numId 2); each
 * further numbered list is its own w:num on abstractNum 1 that restarts at its start number.
 */
export function numberingXml(extraNumbered: ReadonlyArray<{ numId: number; ilvl: number; start: number }>): string {
  const levels = (lvl: (i: number) => string): string => Array.from({ length: 9 }, (_, i) => lvl(i)).join('');
  const pPr = (i: number): string => `<w:pPr><w:ind w:left="${listIndent(i)}" w:hanging="${HANGING}"/></w:pPr>`;
  const bullet = levels(
    (i) =>
      `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${BULLETS[i % 3]}"/>` +
      `<w:lvlJc w:val="left"/>${pPr(i)}<w:rPr>${rFonts(FONT)}</w:rPr></w:lvl>`,
  );
  const decimal = levels((i) => {
    const [fmt, text] = DECIMAL_FORMATS[i % 3]!;
    return (
      `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text(i + 1)}"/>` +
      `<w:lvlJc w:val="left"/>${pPr(i)}</w:lvl>`
    );
  });
  return (
    XML_DECL +
    `<w:numbering xmlns:w="${W_NS}">` +
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${bullet}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${decimal}</w:abstractNum>` +
    `<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="${FIRST_DECIMAL_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>` +
    extraNumbered
      .map(
        (n) =>
          `<w:num w:numId="${n.numId}"><w:abstractNumId w:val="1"/>` +
          `<w:lvlOverride w:ilvl="${n.ilvl}"><w:startOverride w:val="${n.start}"/></w:lvlOverride></w:num>`,
      )
      .join('') +
    '</w:numbering>'
  );
}

export function settingsXml(language: TemplateLanguage): string {
  return (
    XML_DECL +
    `<w:settings xmlns:w="${W_NS}">` +
    '<w:zoom w:percent="100"/>' +
    '<w:defaultTabStop w:val="709"/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    `<w:themeFontLang w:val="${LANG[language]}"/>` +
    '<w:decimalSymbol w:val=","/>' +
    '<w:listSeparator w:val=";"/>' +
    '</w:settings>'
  );
}

export function fontTableXml(): string {
  return (
    XML_DECL +
    `<w:fonts xmlns:w="${W_NS}">` +
    `<w:font w:name="${FONT}"><w:altName w:val="Carlito"/><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/>` +
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
    `<w:font w:name="${MONO_FONT}"><w:panose1 w:val="020B0609020204030204"/><w:charset w:val="00"/>` +
    '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>' +
    '</w:fonts>'
  );
}

const PAGE_WORDS: Record<TemplateLanguage, [string, string]> = { nl: ['pagina', 'van'], fr: ['page', 'sur'] };

/** A complex field (begin / instruction / separate / result / end) with a placeholder result. */
const field = (instr: string): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r>' +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/**
 * The footer: optional text on the left (it may hold tags), "pagina X van Y" (French "page X sur
 * Y") on the right, X and Y as Word PAGE and NUMPAGES fields. `runs` is the footer text already
 * turned into runs.
 */
export function footerXml(language: TemplateLanguage, textRuns: string, orientation: Orientation): string {
  const [page, of] = PAGE_WORDS[language];
  const t = (s: string): string => `<w:r><w:t xml:space="preserve">${xmlText(s)}</w:t></w:r>`;
  return (
    XML_DECL +
    `<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">` +
    `<w:p><w:pPr><w:pStyle w:val="${STYLE.footer}"/><w:tabs><w:tab w:val="right" w:pos="${textWidth(orientation)}"/></w:tabs></w:pPr>` +
    textRuns +
    '<w:r><w:tab/></w:r>' +
    t(`${page} `) +
    field('PAGE') +
    t(` ${of} `) +
    field('NUMPAGES') +
    '</w:p></w:ftr>'
  );
}

/** ISO-8601 without milliseconds, as W3CDTF wants. */
const w3cdtf = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function coreXml(title: string, language: TemplateLanguage, date: Date): string {
  const when = w3cdtf(date);
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title>` +
    '<dc:creator>datalek</dc:creator>' +
    `<dc:language>${LANG[language]}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(): string {
  return (
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>datalek</Application><DocSecurity>0</DocSecurity>' +
    '</Properties>'
  );
}
