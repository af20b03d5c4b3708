/**
 * A Markdown template (docxtemplater tags inside Markdown, as rendered to PDF) turned into a .docx
 * TEMPLATE with exactly the same tags, for people who edit their letters in Word. The tags stay
 * text; docxtemplater fills them later (src/render/docx/render.ts, paragraphLoop on).
 *
 *     markdownTemplateToDocx(md, { title, language: 'nl' | 'fr', footerText?, date?, orientation? })
 *       -> Uint8Array
 *
 * Supported Markdown (GFM, through marked's lexer; the same reading as the PDF path,
 * src/render/markdown.ts):
 *   - headings (# to ###, deeper levels use Heading4), paragraphs, **bold**, *italic*, ~~strike~~,
 *     `code`, hard line breaks (two spaces or a backslash before the newline); a soft line break
 *     is a space, as in the PDF (marked `breaks: false`);
 *   - bullet and numbered lists, nested, tight or loose, task items (☐ / ☒); numbered lists
 *     restart at their start number, and a list split only by section lines continues its count;
 *   - tables: a real Word table, header row repeated on every page (`<w:tblHeader/>`), rows kept
 *     whole, borders, column alignment, widths from what the cells will print (see
 *     columnWidths). A row loop is written as in Word, `| {#rijen}{nummer} | … | {datum}{/rijen} |`;
 *     section lines between table rows (`{#rijen}` alone on the line before a row, `{/rijen}`
 *     after it) move into that row's first / last cell when their partner is in the same table,
 *     which is what the Markdown renderer's folding of those lines amounts to. (As in any Word
 *     template, a loop opened and closed in the same cell repeats text inside the cell, not rows.)
 *   - standalone section lines (a line holding only `{#x}`, `{/x}`, `{^x}` tags): each becomes a
 *     paragraph of its own, which docxtemplater's paragraphLoop removes when rendering, just as
 *     the Markdown renderer drops the line; above a list item it joins that item's list level, so
 *     `{#x}` at column 0 over `  - {.}` keeps the item nested;
 *   - horizontal rules (a bottom border), block quotes (indented, left border), code blocks
 *     (monospace, shaded), web and mail links (real hyperlinks; a link whose address holds a tag
 *     shows the address after the text, so no tag is lost);
 *   - raw HTML is shown as text, as the PDF path does; images show their alt text (the PDF path
 *     only shows embedded data: images; embedding pictures in the .docx is not done).
 *
 * Tags: before lexing every `{…}` tag is replaced by a placeholder (see below), so marked never
 * reads `_`, `*` or `|` inside a tag as Markdown; afterwards each tag is restored into a run of
 * its own (never split across runs; marked no-proof so Word does not underline it). All text is
 * XML-escaped. HTML character references in the Markdown (`&amp;`) are decoded as a browser
 * would, except those giving `{` or `}`, which stay as written (decoded, they would make a tag
 * the Markdown does not have).
 *
 * Output: a complete WordprocessingML package (content types, relationships, document, styles,
 * numbering, settings, font table, footer with "pagina X van Y" / "page X sur Y" as PAGE and
 * NUMPAGES fields, core and app properties), A4 with 25 mm top and 20 mm side margins. Pure:
 * no clock, no file system; every zip entry and the document properties carry one fixed date
 * (`date`, default 2000-01-01T00:00:00Z, SOURCE_DATE_EPOCH not read), so the same input gives the
 * same bytes on any machine.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import PizZip from 'pizzip';
import { stampZip, zipEntryDate } from '../docx/render.js';
import {
  BULLET_NUM_ID,
  FIRST_DECIMAL_NUM_ID,
  FIRST_FREE_REL,
  HEADER_FILL,
  STYLE,
  TABLE_BORDERS,
  TABLE_CELL_MARGINS,
  appXml,
  contentTypesXml,
  coreXml,
  documentRelsXml,
  documentXml,
  fontTableXml,
  footerXml,
  listIndent,
  numberingXml,
  packageRelsXml,
  settingsXml,
  stylesXml,
  textWidth,
  type Orientation,
  type TemplateLanguage,
} from './parts.js';
import { xmlText } from './xml.js';

export type { Orientation, TemplateLanguage } from './parts.js';

export interface MarkdownToDocxOptions {
  /** Document title (docProps/core.xml); may hold tags, docxtemplater fills them too. */
  title: string;
  /** Language of the text: proofing language (nl-NL / fr-BE) and the footer's words. */
  language: TemplateLanguage;
  /** Text on the left of the footer, e.g. the organisation's name; may hold tags. */
  footerText?: string;
  /** Date of the document properties and the zip entries; default 2000-01-01T00:00:00Z. */
  date?: Date;
  /** Page orientation, default portrait (registers with many columns read better landscape). */
  orientation?: Orientation;
}

export const DEFAULT_TEMPLATE_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

// ---- tags and placeholders --------------------------------------------------------------------

/** A docxtemplater tag as the converter sees it: braces around anything but braces and newlines. */
const TAG = /\{[^{}\n]*\}/g;
/** A line holding only section tags (what the Markdown renderer folds away, see template/text.ts). */
const STANDALONE_LINE = /^([ \t]*)((?:\{[#^/][^{}\n]*\}[ \t]*)+)$/;
const SECTION_TAG = /\{[#^/][^{}\n]*\}/g;
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

const BRACE_REFERENCE = /&(?:#0*12[35]|#[xX]0*7[bBdD]|lbrace|rbrace|lcub|rcub);/g;
/*
 * Placeholders. A value tag becomes \ue000<n>\ue001: private-use characters, which marked reads
 * like letters, as it would read the value printed there. A section tag ({#x} {/x} {^x}) prints
 * nothing; it becomes \u2e28<n>\u2e29 ("⸨n⸩", Unicode punctuation), so emphasis next to it
 * behaves as next to the end of a word: in `{#a} *({b})*{/a}` the second `*` still closes.
 * A section line becomes an HTML comment <!--\ue002<n>\ue003-->. These characters already in
 * the Markdown are hidden the same way first, and come back as they were.
 */
const TAG_OPEN = '\ue000';
const TAG_CLOSE = '\ue001';
const SECTION_OPEN = '\u2e28';
const SECTION_CLOSE = '\u2e29';
const LINE_OPEN = '\ue002';
const LINE_CLOSE = '\ue003';
const OUR_CHARS = /[\ue000-\ue003\u2e28\u2e29]/g;
const TAG_PLACEHOLDER = /\ue000(\d+)\ue001|\u2e28(\d+)\u2e29/g;
const LEFT_OVER = /[\ue000-\ue003]|\u2e28\d+\u2e29/;
const SECTION_PLACEHOLDER = /<!--\ue002(\d+)\ue003-->/g;
const ONLY_SECTIONS = /^\s*(?:<!--\ue002\d+\ue003-->\s*)+$/;

interface Protected {
  markdown: string;
  /** The Markdown already held placeholder characters (so the final check cannot be made). */
  hadOurChars: boolean;
  tags: string[];
  sections: string[];
}

/** A line that may be a table row: it has a pipe that is neither escaped nor inside a tag. */
const hasPipe = (line: string | undefined): boolean => line !== undefined && /(^|[^\\])\|/.test(line.replace(TAG, ''));
const isDelimiterRow = (line: string): boolean =>
  hasPipe(line) && /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(line);

/**
 * Whether `lines[at]` is a body row of a table: it has a pipe and, going up through lines with
 * pipes, a delimiter row (`|---|---|`) comes before any blank or pipe-less line.
 */
function isBodyRowAt(lines: readonly string[], at: number): boolean {
  const line = lines[at];
  if (!hasPipe(line) || isDelimiterRow(line!)) return false;
  for (let k = at - 1; k >= 0 && hasPipe(lines[k]); k--) if (isDelimiterRow(lines[k]!)) return true;
  return false;
}

/** The section tags of a line: `{#a}` -> { kind: '#', name: 'a' }. */
function sectionTags(line: string): Array<{ kind: string; name: string }> {
  return [...line.matchAll(SECTION_TAG)].map((m) => ({ kind: m[0][1]!, name: m[0].slice(2, -1).trim() }));
}

/** Put `tags` at the start of the first cell of a table row. */
function prependToRow(row: string, tags: string): string {
  const m = /^([ \t]*\|?)[ \t]*/.exec(row)!;
  return `${m[1]}${m[1]!.endsWith('|') ? ' ' : ''}${tags}${row.slice(m[0].length)}`;
}

/** Put `tags` at the end of the last cell of a table row. */
function appendToRow(row: string, tags: string): string {
  const trimmed = row.replace(/[ \t]+$/, '');
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) {
    return `${trimmed.slice(0, -1).replace(/[ \t]+$/, '')}${tags} |`;
  }
  return `${trimmed}${tags}`;
}

/**
 * Prepare the Markdown for marked: section lines become HTML-comment placeholders (an HTML block
 * ends a paragraph or list item, so the line stays a block of its own) or move into the table row
 * they frame; then every tag becomes a placeholder marked cannot read as Markdown.
 */
function protect(markdown: string): Protected {
  const tags: string[] = [];
  const hide = (literal: string): string => {
    tags.push(literal);
    return `${TAG_OPEN}${tags.length - 1}${TAG_CLOSE}`;
  };
  const lines = markdown.replace(OUR_CHARS, hide).replace(/\r\n?/g, '\n').split('\n');
  const sections: string[] = [];
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!STANDALONE_LINE.test(lines[i]!)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && STANDALONE_LINE.test(lines[j]!)) j++;
    const run = lines.slice(i, j).map((l) => {
      const m = STANDALONE_LINE.exec(l)!;
      return { indent: m[1]!, tags: [...m[2]!.matchAll(SECTION_TAG)].map((t) => t[0]) };
    });

    // Inside a table, a section line means "repeat (or show) these rows": closing tags go to the
    // end of the row above, opening tags to the start of the row below, which is the row loop
    // docxtemplater knows, but only when the partner tag is in the same table. The others stay
    // section paragraphs where they were (one that sits between two rows splits the table).
    const prev = out[out.length - 1];
    const next = lines[j];
    const rowAbove = isBodyRowAt(out, out.length - 1);
    // The row below belongs to the same table when the line above is a row or the delimiter.
    const rowBelow = hasPipe(prev) && (rowAbove || isDelimiterRow(prev!)) && hasPipe(next) && !isDelimiterRow(next!);
    const openedAbove = (name: string): boolean => {
      for (let k = out.length - 1; k >= 0 && hasPipe(out[k]) && !isDelimiterRow(out[k]!); k--) {
        if (sectionTags(out[k]!).some((t) => t.kind !== '/' && t.name === name)) return true;
      }
      return false;
    };
    const closedBelow = (name: string): boolean => {
      for (let k = j; k < lines.length && (hasPipe(lines[k]) || STANDALONE_LINE.test(lines[k]!)); k++) {
        if (sectionTags(lines[k]!).some((t) => t.kind === '/' && t.name === name)) return true;
      }
      return false;
    };
    const append: string[] = [];
    const prepend: string[] = [];
    // A section paragraph goes into the container of the line that follows when that line is a
    // list item: the Markdown renderer drops the section line, so a nested item written under it
    // (`{#x}` at column 0, `  - {.}` below) stays nested there, and so it must here.
    const nextItem = next === undefined ? undefined : LIST_ITEM.exec(next);
    const left = run.map((r) => ({ indent: nextItem ? nextItem[1]! : r.indent, tags: [] as string[] }));
    let phase: 'append' | 'paragraph' | 'prepend' = 'append';
    run.forEach((r, n) => {
      for (const tag of r.tags) {
        const t = sectionTags(tag)[0]!;
        if (phase === 'append' && rowAbove && t.kind === '/' && openedAbove(t.name)) {
          append.push(tag);
          continue;
        }
        if (phase !== 'prepend') phase = 'paragraph';
        if (rowBelow && t.kind !== '/' && closedBelow(t.name)) {
          phase = 'prepend';
          prepend.push(tag);
        } else if (phase === 'prepend') {
          // Order would break: keep the rest of the run as section paragraphs, prepends included.
          left[n]!.tags.push(...prepend.splice(0), tag);
        } else {
          left[n]!.tags.push(tag);
        }
      }
    });
    if (append.length > 0) out[out.length - 1] = appendToRow(prev!, append.join(''));
    for (const l of left) {
      if (l.tags.length === 0) continue;
      sections.push(l.tags.join(''));
      out.push(`${l.indent}<!--${LINE_OPEN}${sections.length - 1}${LINE_CLOSE}-->`);
    }
    if (prepend.length > 0) lines[j] = prependToRow(next!, prepend.join(''));
    i = j;
  }
  // Character references for braces stay as written (marked would decode the numeric ones, and
  // a brace that is not in the Markdown would make a tag in Word that the Markdown does not have).
  const text = out
    .join('\n')
    .replace(BRACE_REFERENCE, hide)
    .replace(TAG, (tag) => {
      if (!/^\{[#^/]/.test(tag)) return hide(tag);
      tags.push(tag);
      return `${SECTION_OPEN}${tags.length - 1}${SECTION_CLOSE}`;
    });
  return { markdown: text, tags, sections, hadOurChars: new RegExp(OUR_CHARS.source).test(markdown) };
}

// ---- character references -----------------------------------------------------------------------

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', euro: '€', copy: '©', reg: '®',
  trade: '™', para: '¶', sect: '§', deg: '°', ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', times: '×',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', ccedil: 'ç',
  iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', uacute: 'ú',
  ugrave: 'ù', ucirc: 'û', uuml: 'ü', Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Euml: 'Ë', Agrave: 'À', Ccedil: 'Ç',
  Ouml: 'Ö', Uuml: 'Ü', Iuml: 'Ï', oelig: 'œ', OElig: 'Œ', szlig: 'ß',
};

/** Decode HTML character references as a browser shows them (braces excepted: they stay written). */
function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    let ch: string | undefined;
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      ch = cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
    } else {
      ch = NAMED[ref];
    }
    if (ch === undefined || ch === '{' || ch === '}') return whole;
    return ch;
  });
}

// ---- inline content -----------------------------------------------------------------------------

interface Fmt {
  b?: boolean;
  i?: boolean;
  s?: boolean;
  code?: boolean;
  /** Relationship id of the hyperlink this text belongs to. */
  link?: string;
}

/** A piece of inline content: text ("\n" = line break, "\t" = tab) or a standalone section. */
type Seg = { kind: 'text'; text: string; fmt: Fmt } | { kind: 'section'; tags: string };

const sameFmt = (a: Fmt, b: Fmt): boolean =>
  !!a.b === !!b.b && !!a.i === !!b.i && !!a.s === !!b.s && !!a.code === !!b.code && a.link === b.link;

class Converter {
  private readonly hyperlinks: Array<{ id: string; target: string }> = [];
  private readonly extraNums: Array<{ numId: number; ilvl: number; start: number }> = [];
  private nextNumId = FIRST_DECIMAL_NUM_ID + 1;
  private firstDecimalUsed = false;
  private readonly lastOrdered = new Map<number, { numId: number; next: number }>();

  constructor(
    private readonly p: Protected,
    private readonly width: number,
  ) {}

  restore(s: string): string {
    return s
      .replace(SECTION_PLACEHOLDER, (_, i: string) => this.p.sections[Number(i)]!)
      .replace(TAG_PLACEHOLDER, (_, i: string | undefined, j: string | undefined) => this.p.tags[Number(i ?? j)]!);
  }

  /** marked percent-encodes nothing in hrefs today; undo it anyway should a version start to. */
  private restoreHref(href: string): string {
    let h = href;
    if (/%EE%80%8[0-3]|%E2%B8%A[89]/i.test(h)) {
      try {
        h = decodeURI(h);
      } catch {
        /* keep as is */
      }
    }
    return this.restore(h);
  }

  private hyperlink(target: string): string {
    const found = this.hyperlinks.find((h) => h.target === target);
    if (found) return found.id;
    const id = `rId${FIRST_FREE_REL + this.hyperlinks.length}`;
    this.hyperlinks.push({ id, target });
    return id;
  }

  inline(tokens: Token[] | undefined, fmt: Fmt = {}): Seg[] {
    const out: Seg[] = [];
    const text = (t: string, f: Fmt = fmt): void => {
      if (t !== '') out.push({ kind: 'text', text: t, fmt: f });
    };
    for (const tok of tokens ?? []) {
      const t = tok as Token;
      switch (t.type) {
        case 'text': {
          const x = t as Tokens.Text;
          if (x.tokens && x.tokens.length > 0) out.push(...this.inline(x.tokens, fmt));
          else text(this.restore(x.escaped ? x.text : decodeEntities(x.text)).replace(/[ \t]*\n[ \t]*/g, ' '));
          break;
        }
        case 'escape':
          text((t as Tokens.Escape).text);
          break;
        case 'strong':
          out.push(...this.inline((t as Tokens.Strong).tokens, { ...fmt, b: true }));
          break;
        case 'em':
          out.push(...this.inline((t as Tokens.Em).tokens, { ...fmt, i: true }));
          break;
        case 'del':
          out.push(...this.inline((t as Tokens.Del).tokens, { ...fmt, s: true }));
          break;
        case 'codespan':
          text(this.restore((t as Tokens.Codespan).text).replace(/\n/g, ' '), { ...fmt, code: true });
          break;
        case 'br':
          text('\n');
          break;
        case 'link': {
          const l = t as Tokens.Link;
          const href = this.restoreHref(l.href);
          const hasTag = new RegExp(TAG.source).test(href);
          if (!hasTag && /^(https?:|mailto:)/i.test(href)) {
            out.push(...this.inline(l.tokens, { ...fmt, link: this.hyperlink(href) }));
          } else {
            const inner = this.inline(l.tokens, fmt);
            out.push(...inner);
            const shown = inner.map((s) => (s.kind === 'text' ? s.text : s.tags)).join('');
            if (hasTag && shown !== href) text(` (${href})`);
          }
          break;
        }
        case 'image':
          text(this.restore((t as Tokens.Image).text));
          break;
        case 'html': {
          const h = (t as Tokens.Tag).text;
          if (ONLY_SECTIONS.test(h)) {
            for (const m of h.matchAll(SECTION_PLACEHOLDER)) out.push({ kind: 'section', tags: this.p.sections[Number(m[1])]! });
          } else {
            text(this.restore(h).replace(/[ \t]*\n[ \t]*/g, ' '));
          }
          break;
        }
        case 'checkbox':
          text((t as Tokens.Checkbox).checked ? '\u2612 ' : '\u2610 ');
          break;
        default: {
          const g = t as Tokens.Generic;
          if (Array.isArray(g.tokens)) out.push(...this.inline(g.tokens, fmt));
          else if (typeof g.text === 'string') text(this.restore(g.text));
        }
      }
    }
    return out;
  }

  // ---- runs and paragraphs --------------------------------------------------------------------

  runs(segs: Seg[]): string {
    // Merge neighbours with the same formatting (marked splits text at escapes and entities).
    const merged: Array<{ text: string; fmt: Fmt }> = [];
    for (const s of segs) {
      if (s.kind !== 'text') continue;
      const last = merged[merged.length - 1];
      if (last && sameFmt(last.fmt, s.fmt)) last.text += s.text;
      else merged.push({ text: s.text, fmt: s.fmt });
    }
    let xml = '';
    let openLink: string | undefined;
    for (const m of merged) {
      if (m.fmt.link !== openLink) {
        if (openLink !== undefined) xml += '</w:hyperlink>';
        if (m.fmt.link !== undefined) xml += `<w:hyperlink r:id="${m.fmt.link}" w:history="1">`;
        openLink = m.fmt.link;
      }
      // Tags are whole, in runs of their own; tags that follow each other share one run. A
      // register row holds dozens of them ({#a}{b}{/a}{^a}...): with a run each, the example
      // register had 376 runs instead of 242, and docxtemplater took about a fifth more CPU on a
      // register of 250 rows (1.01 s against 0.83 s, median of 10).
      let at = 0;
      let tags = '';
      for (const t of m.text.matchAll(TAG)) {
        if (t.index > at) {
          if (tags !== '') xml += run(tags, m.fmt, true);
          tags = '';
          xml += run(m.text.slice(at, t.index), m.fmt, false);
        }
        tags += t[0];
        at = t.index + t[0].length;
      }
      if (tags !== '') xml += run(tags, m.fmt, true);
      if (at < m.text.length) xml += run(m.text.slice(at), m.fmt, false);
    }
    if (openLink !== undefined) xml += '</w:hyperlink>';
    return xml;
  }

  /**
   * Paragraphs for inline content; a standalone section met inside (an indented section line
   * that marked kept in the paragraph) splits it, so the section still gets a paragraph of its own.
   * Numbering goes on the first part only; later parts keep the list indentation.
   */
  paragraphs(ppr: PPr, segs: Seg[]): string {
    const parts: Array<Seg[] | string> = [];
    let current: Seg[] = [];
    for (const s of segs) {
      if (s.kind === 'section') {
        parts.push(current, s.tags);
        current = [];
      } else current.push(s);
    }
    parts.push(current);
    const hasText = (p: Seg[]): boolean => p.some((s) => s.kind === 'text' && s.text.trim() !== '');
    const kept = parts.filter((p) => typeof p === 'string' || hasText(p));
    if (kept.length === 0) return paragraph(ppr, '');
    let xml = '';
    let first = true;
    for (const part of kept) {
      if (typeof part === 'string') {
        xml += sectionParagraph(part);
        continue;
      }
      const p: PPr = first ? ppr : { ...ppr, numPr: undefined, ind: ppr.numPr ? listIndent(ppr.numPr.ilvl) : ppr.ind };
      xml += paragraph(p, this.runs(trimSegs(part)));
      first = false;
    }
    return xml;
  }

  // ---- blocks ---------------------------------------------------------------------------------

  blocks(tokens: Token[], ctx: BlockCtx): string {
    let xml = '';
    for (const tok of tokens) {
      const t = tok as Token;
      switch (t.type) {
        case 'space':
        case 'def':
          break;
        case 'heading': {
          const h = t as Tokens.Heading;
          xml += this.paragraphs({ style: STYLE.heading(Math.min(Math.max(h.depth, 1), 4)) }, this.inline(h.tokens));
          break;
        }
        case 'paragraph':
          xml += this.paragraphs({ style: ctx.style, ind: ctx.indent }, this.inline((t as Tokens.Paragraph).tokens));
          break;
        case 'text': {
          const x = t as Tokens.Text;
          const segs = x.tokens ? this.inline(x.tokens) : this.inline([t]);
          xml += this.paragraphs({ style: ctx.style, ind: ctx.indent }, segs);
          break;
        }
        case 'list':
          xml += this.list(t as Tokens.List, ctx.listDepth ?? 0);
          break;
        case 'table':
          xml += this.table(t as Tokens.Table);
          break;
        case 'hr':
          xml += paragraph({ hr: true }, '');
          break;
        case 'blockquote':
          xml += this.blocks((t as Tokens.Blockquote).tokens, { ...ctx, style: STYLE.quote });
          break;
        case 'code': {
          const text = this.restore((t as Tokens.Code).text);
          xml += paragraph({ style: STYLE.code, ind: ctx.indent }, this.runs([{ kind: 'text', text, fmt: {} }]));
          break;
        }
        case 'html': {
          const h = (t as Tokens.HTML).text;
          if (ONLY_SECTIONS.test(h)) {
            for (const m of h.matchAll(SECTION_PLACEHOLDER)) xml += sectionParagraph(this.p.sections[Number(m[1])]!);
          } else {
            const text = this.restore(h).trim().replace(/\s*\n\s*/g, ' ');
            xml += this.paragraphs({ style: ctx.style, ind: ctx.indent }, [{ kind: 'text', text, fmt: {} }]);
          }
          break;
        }
        default: {
          const g = t as Tokens.Generic;
          const segs: Seg[] = Array.isArray(g.tokens)
            ? this.inline(g.tokens)
            : [{ kind: 'text', text: this.restore(String(g.text ?? g.raw)), fmt: {} }];
          xml += this.paragraphs({ style: ctx.style, ind: ctx.indent }, segs);
        }
      }
    }
    return xml;
  }

  private orderedNumId(list: Tokens.List, ilvl: number): number {
    const start = typeof list.start === 'number' ? list.start : 1;
    const prev = this.lastOrdered.get(ilvl);
    let numId: number;
    if (prev && start !== 1 && prev.next === start) {
      numId = prev.numId; // the same list, interrupted by a section line
    } else if (!this.firstDecimalUsed && ilvl === 0 && start === 1) {
      numId = FIRST_DECIMAL_NUM_ID;
      this.firstDecimalUsed = true;
    } else {
      numId = this.nextNumId++;
      this.extraNums.push({ numId, ilvl, start });
    }
    this.lastOrdered.set(ilvl, { numId, next: start + list.items.length });
    return numId;
  }

  list(list: Tokens.List, ilvl: number): string {
    const numId = list.ordered ? this.orderedNumId(list, ilvl) : BULLET_NUM_ID;
    let xml = '';
    for (const item of list.items) {
      let first = true;
      let prefix: Seg[] = [];
      const style = STYLE.listParagraph;
      for (const tok of item.tokens) {
        const t = tok as Token;
        if (t.type === 'checkbox') {
          prefix = this.inline([t]);
        } else if (t.type === 'text' || t.type === 'paragraph') {
          const segs = [...prefix, ...this.inline((t as Tokens.Text).tokens ?? [t])];
          prefix = [];
          const ppr: PPr = first ? { style, numPr: { numId, ilvl } } : { style, ind: listIndent(ilvl) };
          xml += this.paragraphs(ppr, segs);
          first = false;
        } else if (t.type === 'list') {
          xml += this.list(t as Tokens.List, ilvl + 1);
        } else {
          xml += this.blocks([t], { style, indent: listIndent(ilvl), listDepth: ilvl + 1 });
        }
      }
      if (first) xml += this.paragraphs({ style, numPr: { numId, ilvl } }, prefix);
    }
    return xml;
  }

  table(t: Tokens.Table): string {
    const cols = t.header.length;
    const widths = columnWidths([t.header, ...t.rows].map((r) => r.map((c) => this.restore(c.text))), cols, this.width);
    const jc = (i: number): string | undefined => {
      const a = t.align[i];
      return a === 'center' || a === 'right' ? a : undefined;
    };
    const cell = (c: Tokens.TableCell | undefined, i: number, header: boolean): string =>
      `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/>` +
      (header ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>` : '') +
      '</w:tcPr>' +
      this.paragraphs({ style: header ? STYLE.tableHeader : STYLE.tableText, jc: jc(i) }, this.inline(c?.tokens ?? [])) +
      '</w:tc>';
    const row = (cells: Tokens.TableCell[], header: boolean): string =>
      `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>` +
      Array.from({ length: cols }, (_, i) => cell(cells[i], i, header)).join('') +
      '</w:tr>';
    return (
      '<w:tbl><w:tblPr>' +
      `<w:tblStyle w:val="${STYLE.table}"/><w:tblW w:w="${this.width}" w:type="dxa"/>` +
      TABLE_BORDERS +
      '<w:tblLayout w:type="fixed"/>' +
      TABLE_CELL_MARGINS +
      '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
      '</w:tblPr>' +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
      row(t.header, true) +
      t.rows.map((r) => row(r, false)).join('') +
      '</w:tbl>' +
      // A table followed directly by another table would merge in Word: keep a small paragraph after.
      '<w:p><w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="auto"/></w:pPr></w:p>'
    );
  }

  finish(body: string, opts: MarkdownToDocxOptions): Map<string, string> {
    const footerRuns = opts.footerText ? this.runs([{ kind: 'text', text: opts.footerText.replace(/\s*\n\s*/g, ' '), fmt: {} }]) : '';
    const parts = new Map<string, string>([
      ['[Content_Types].xml', contentTypesXml()],
      ['_rels/.rels', packageRelsXml()],
      ['docProps/core.xml', coreXml(opts.title, opts.language, opts.date ?? DEFAULT_TEMPLATE_DATE)],
      ['docProps/app.xml', appXml()],
      ['word/document.xml', documentXml(body === '' ? '<w:p/>' : body, opts.orientation ?? 'portrait')],
      ['word/_rels/document.xml.rels', documentRelsXml(this.hyperlinks)],
      ['word/styles.xml', stylesXml(opts.language)],
      ['word/numbering.xml', numberingXml(this.extraNums)],
      ['word/settings.xml', settingsXml(opts.language)],
      ['word/fontTable.xml', fontTableXml()],
      ['word/footer1.xml', footerXml(opts.language, footerRuns, opts.orientation ?? 'portrait')],
    ]);
    for (const [name, xml] of parts) {
      if (!this.p.hadOurChars && LEFT_OVER.test(xml)) throw new Error(`internal error: a tag placeholder was left in ${name}`);
    }
    return parts;
  }
}

interface BlockCtx {
  /** Paragraph style for paragraphs (undefined: Normal). */
  style?: string;
  /** Left indentation in twips (content inside list items). */
  indent?: number;
  /** List level for lists met here. */
  listDepth?: number;
}

interface PPr {
  style?: string;
  numPr?: { numId: number; ilvl: number } | undefined;
  hr?: boolean;
  ind?: number | undefined;
  jc?: string | undefined;
}

/** pPr children in schema order: pStyle, keepNext, numPr, pBdr, spacing, ind, jc. */
function paragraph(ppr: PPr, runsXml: string): string {
  let p = '';
  if (ppr.style) p += `<w:pStyle w:val="${ppr.style}"/>`;
  if (ppr.numPr) p += `<w:numPr><w:ilvl w:val="${ppr.numPr.ilvl}"/><w:numId w:val="${ppr.numPr.numId}"/></w:numPr>`;
  if (ppr.hr) p += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="999999"/></w:pBdr><w:spacing w:before="120" w:after="200"/>';
  if (ppr.ind !== undefined) p += `<w:ind w:left="${ppr.ind}"/>`;
  if (ppr.jc) p += `<w:jc w:val="${ppr.jc}"/>`;
  return `<w:p>${p ? `<w:pPr>${p}</w:pPr>` : ''}${runsXml}</w:p>`;
}

function sectionParagraph(tags: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="${STYLE.section}"/></w:pPr>${run(tags, {}, true)}</w:p>`;
}

/** rPr children in schema order: rStyle, b, bCs, i, iCs, strike, noProof. */
function run(text: string, fmt: Fmt, tag: boolean): string {
  let rpr = '';
  if (fmt.code) rpr += `<w:rStyle w:val="${STYLE.codeChar}"/>`;
  else if (fmt.link) rpr += `<w:rStyle w:val="${STYLE.hyperlink}"/>`;
  if (fmt.b) rpr += '<w:b/><w:bCs/>';
  if (fmt.i) rpr += '<w:i/><w:iCs/>';
  if (fmt.s) rpr += '<w:strike/>';
  if (tag) rpr += '<w:noProof/>';
  let content = '';
  for (const piece of text.split(/(\n|\t)/)) {
    if (piece === '\n') content += '<w:br/>';
    else if (piece === '\t') content += '<w:tab/>';
    else if (piece !== '') content += `<w:t xml:space="preserve">${xmlText(piece)}</w:t>`;
  }
  return `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}${content}</w:r>`;
}

/** Drop white space at the start and end of a paragraph's text. */
function trimSegs(segs: Seg[]): Seg[] {
  const out = segs.map((s) => ({ ...s })) as Seg[];
  while (out.length > 0) {
    const f = out[0]!;
    if (f.kind !== 'text') break;
    f.text = f.text.replace(/^[ \t]+/, '');
    if (f.text !== '') break;
    out.shift();
  }
  while (out.length > 0) {
    const l = out[out.length - 1]!;
    if (l.kind !== 'text') break;
    l.text = l.text.replace(/[ \t]+$/, '');
    if (l.text !== '') break;
    out.pop();
  }
  return out;
}

/** Twips per character of 9.5 pt text, on average, and what a cell adds (margins, border). */
const CHAR = 100;
const CELL_EXTRA = 260;
/** A column never asks for more than this many characters on one line. */
const MAX_LINE = 60;

/**
 * Column widths in twips filling `total`, roughly as a browser lays out a table: every column gets
 * at least its longest unbreakable word, the rest of the width goes to the columns in proportion
 * to how much more their longest text wants (up to 60 characters). Tags count as what they will
 * print: see tagWidth. When even the words do not fit, columns share in proportion to them.
 */
function columnWidths(rows: string[][], cols: number, total: number): number[] {
  const min = new Array<number>(cols).fill(3);
  const want = new Array<number>(cols).fill(3);
  for (const row of rows) {
    for (let i = 0; i < cols; i++) {
      const m = measure(row[i] ?? '');
      min[i] = Math.max(min[i]!, m.word);
      want[i] = Math.max(want[i]!, Math.min(MAX_LINE, m.text));
    }
  }
  const minTw = min.map((c) => c * CHAR + CELL_EXTRA);
  const wantTw = want.map((c, i) => Math.max(minTw[i]!, c * CHAR + CELL_EXTRA));
  const sumMin = minTw.reduce((a, b) => a + b, 0);
  const sumWant = wantTw.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sumMin >= total) widths = minTw.map((w) => (w * total) / sumMin);
  else if (sumWant <= total) widths = wantTw.map((w) => (w * total) / sumWant);
  else {
    const extra = total - sumMin;
    const room = sumWant - sumMin;
    widths = minTw.map((w, i) => w + (extra * (wantTw[i]! - w)) / room);
  }
  const out = widths.map((w) => Math.floor(w));
  out[cols - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * What a tag prints, for the layout: [longest word, whole text] in characters. Known filters
 * print known shapes (a short date is one 10-character word); a bare field is short when its name
 * ends in nummer, id, code, kenmerk…, else taken for text of up to 40 characters; section tags
 * print nothing.
 */
const FILTER_WIDTH: Record<string, [number, number]> = {
  datum: [9, 17], date: [9, 17], datumkort: [10, 10], datecourte: [10, 10], tijd: [5, 5], heure: [5, 5],
  datumtijd: [9, 26], dateheure: [9, 24], janee: [3, 3], ouinon: [3, 3], aantal: [8, 14], nombre: [8, 14],
  bereik: [8, 24], fourchette: [8, 24], uren: [5, 7], heures: [6, 9], bedrag: [9, 11], montant: [9, 11],
  lijst: [10, 40], liste: [10, 40], hoofdletter: [8, 16], majuscule: [8, 16],
};

function tagWidth(tag: string): [number, number] {
  const parts = tag.slice(1, -1).split('|').map((p) => p.trim());
  const filter = parts.length > 1 ? /^[\w$]+/.exec(parts[parts.length - 1]!)?.[0] : undefined;
  const known = filter === undefined ? undefined : FILTER_WIDTH[filter];
  if (known !== undefined) return known;
  // A bare field: short when its name says it is a number or code, else possibly a long text.
  const name = /([\w$]+)\W*$/.exec(parts[0]!)?.[1] ?? '';
  return SHORT_FIELD.test(name) ? [10, 12] : [8, 40];
}

const SHORT_FIELD = /(^|_)(nummer|nr|id|code|kenmerk|numero|num|postcode|telefoon|tel|telephone)$/i;

function measure(cell: string): { word: number; text: number } {
  let word = 0; // longest unbreakable stretch
  let current = 0; // the stretch being read
  let text = 0;
  // Tags (whose expressions may hold spaces) count as what they print; spaces break words.
  for (const m of cell.replace(SECTION_TAG, '').matchAll(/\{[^{}\n]*\}|\s+|[^{\s]+|\{/g)) {
    const piece = m[0];
    if (/^\s/.test(piece)) {
      current = 0;
      text += 1;
    } else if (piece.startsWith('{') && piece.length > 1) {
      const [tw, tt] = tagWidth(piece);
      word = Math.max(word, current + tw);
      // a value with spaces ends the stretch after its first word
      current = tt > tw ? 0 : current + tw;
      text += tt;
    } else {
      current += piece.length;
      word = Math.max(word, current);
      text += piece.length;
    }
  }
  return { word, text };
}

// ---- entry points -------------------------------------------------------------------------------

function lex(markdown: string, orientation: Orientation = 'portrait'): { conv: Converter; tokens: Token[] } {
  const p = protect(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return { conv: new Converter(p, textWidth(orientation)), tokens: Lexer.lex(p.markdown, { gfm: true, breaks: false }) };
}

/**
 * The text of the first heading of a Markdown template (of level `depth` when given), tags kept;
 * undefined without one.
 */
export function markdownTemplateTitle(markdown: string, depth?: number): string | undefined {
  const { conv, tokens } = lex(markdown);
  const h = tokens.find((t) => t.type === 'heading' && (depth === undefined || (t as Tokens.Heading).depth === depth)) as
    | Tokens.Heading
    | undefined;
  if (!h) return undefined;
  return conv
    .inline(h.tokens)
    .map((s) => (s.kind === 'text' ? s.text : s.tags))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}


/** The XML parts of the .docx template, by zip entry name, in the order they are written. */
export function markdownTemplateToDocxParts(markdown: string, opts: MarkdownToDocxOptions): Map<string, string> {
  const { conv, tokens } = lex(markdown, opts.orientation);
  const body = conv.blocks(tokens, {});
  return conv.finish(body, opts);
}

/** Convert a Markdown template to the bytes of a .docx template (same input, same bytes). */
export function markdownTemplateToDocx(markdown: string, opts: MarkdownToDocxOptions): Uint8Array {
  const parts = markdownTemplateToDocxParts(markdown, opts);
  const date = zipEntryDate({ date: opts.date ?? DEFAULT_TEMPLATE_DATE });
  const zip = new PizZip();
  for (const [name, xml] of parts) zip.file(name, xml, { date, createFolders: false });
  stampZip(zip, date);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

