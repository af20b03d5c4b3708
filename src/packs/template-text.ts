/**
 * What a template says and which fields it reads (pure), for comparing two versions of a pack:
 *   - `templateFieldsUsed`: the data fields the tags read, as full dotted paths where the known
 *     fields tell which one is meant (inside `{#maatregelen}` the tag `{datum}` reads
 *     `maatregelen.datum`), else as written;
 *   - `templateWording`: the text without its tags, one entry per line (Markdown) or paragraph
 *     (Word: the text of word/document.xml), blank ones left out.
 */
import PizZip from 'pizzip';
import { FIELD_DOCS } from '../documents/fields.js';
import { listTags, type TemplateTags } from '../render/template/tags.js';
import { qualifiedFields, withPrefixes } from './lint.js';

export type Scope = 'incident' | 'organisation';

const knownCache = new Map<Scope, Set<string>>();

/** The known fields of a document scope, with every prefix (groups and lists). */
export function knownFields(scope: Scope): Set<string> {
  let known = knownCache.get(scope);
  if (!known) {
    known = withPrefixes(new Set(Object.keys(scope === 'organisation' ? FIELD_DOCS.register : FIELD_DOCS.incident)));
    knownCache.set(scope, known);
  }
  return known;
}

/** The fields the tags read (sorted), qualified against the known fields of the scope, as lint reads them. */
export function fieldsOfTags(tags: TemplateTags, scope: Scope): string[] {
  return [...qualifiedFields(tags, knownFields(scope))].sort();
}

export interface TemplateReading {
  fields: string[];
  wording: string[];
  /** Syntax and other problems of the template, as explanations; fields are unreliable when present. */
  problems: string[];
}

const TAG = /\{[^{}]*\}/g;

/**
 * Lines without tags, Markdown hard breaks or extra spaces; lines left with no letter or digit
 * (what remains of a line of tags: ", ") are dropped.
 */
function cleanLines(lines: readonly string[]): string[] {
  return lines
    .map((l) => l.replace(TAG, ' ').replace(/\\$/, '').replace(/\s+/g, ' ').trim())
    .filter((l) => /[\p{L}\p{N}]/u.test(l));
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The paragraphs of word/document.xml as text (runs joined, line breaks kept), tags stripped. */
export function docxWording(bytes: Uint8Array): string[] {
  let xml = '';
  try {
    xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  } catch {
    return [];
  }
  const lines: string[] = [];
  for (const para of xml.split(/<\/w:p>/)) {
    let text = '';
    for (const m of para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|cr)\b[^>]*\/>|<w:tab\b[^>]*\/>/g)) {
      if (m[1] !== undefined) text += decodeXml(m[1]);
      else if (m[2] !== undefined) text += '\n';
      else text += ' ';
    }
    lines.push(...text.split('\n'));
  }
  return cleanLines(lines);
}

/** Reads one template: its fields and its wording. */
export function readTemplate(bytes: Uint8Array, format: 'md' | 'docx', scope: Scope, file: string): TemplateReading {
  let tags: TemplateTags;
  try {
    tags = format === 'docx' ? listTags(bytes, 'docx', { templatePath: file }) : listTags(new TextDecoder().decode(bytes), 'text', { templatePath: file });
  } catch (e) {
    return { fields: [], wording: [], problems: [(e as Error).message] };
  }
  const wording = format === 'docx' ? docxWording(bytes) : cleanLines(new TextDecoder().decode(bytes).split(/\r?\n/));
  return { fields: fieldsOfTags(tags, scope), wording, problems: tags.problems.map((p) => p.explanation) };
}
