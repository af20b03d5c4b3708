/**
 * .docx twins of Markdown templates: every `<name>.md` of a template pack gets a `<name>.docx`
 * with the same tags, for people who edit in Word. The twin is a pure function of the Markdown
 * (title from the first heading, language from the filters or the words used, one fixed date),
 * so a test can regenerate it in memory and compare bytes: the twins never drift. The language
 * is the one the pack's pack.yaml lists the Markdown under (`templates: { fr: { md: … } }`);
 * without one, templateLanguage guesses it from the text. The title: see docxTwin.
 *
 * Regenerate after editing a Markdown template:
 *     npm run build && node scripts/md-to-docx-template.mjs [pack directory, default packs/default]
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FILTER_NAMES } from '../template/filters.js';
import { listTags } from '../template/tags.js';
import {
  DEFAULT_TEMPLATE_DATE,
  markdownTemplateTitle,
  markdownTemplateToDocx,
  type TemplateLanguage,
} from './md-to-docx.js';

const DUTCH_FILTERS = new Set<string>(FILTER_NAMES.slice(0, 11));
const FRENCH_FILTERS = new Set<string>(FILTER_NAMES.slice(11));
const FRENCH_WORDS = /\b(le|la|les|des|du|nous|vous|votre|vos|est|sont|une|avec|pour|dans|données)\b/giu;
const DUTCH_WORDS = /\b(de|het|een|wij|u|uw|is|zijn|met|voor|van|niet|gegevens|ons|onze)\b/giu;

/**
 * The language of a Markdown template: French when it uses French filters (`date`, `ouinon`…)
 * and no Dutch ones, Dutch in the opposite case, else whichever language has more common words.
 */
export function templateLanguage(markdown: string): TemplateLanguage {
  const used = listTags(markdown, 'text').filters;
  const fr = used.some((f) => FRENCH_FILTERS.has(f));
  const nl = used.some((f) => DUTCH_FILTERS.has(f));
  if (fr !== nl) return fr ? 'fr' : 'nl';
  const text = markdown.replace(/\{[^{}\n]*\}/g, ' ');
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  return count(FRENCH_WORDS) > count(DUTCH_WORDS) ? 'fr' : 'nl';
}

export interface TwinInfo {
  /** From pack.yaml: the language the Markdown is listed under. */
  language?: TemplateLanguage;
  /** From pack.yaml: the document's title. */
  title?: string;
  /** From pack.yaml: the page orientation (the PDF uses the same). */
  orientation?: 'portrait' | 'landscape';
}

/**
 * The .docx twin of a Markdown template named `name`. Title: the template's first level-1
 * heading, else the document title in pack.yaml, else its first heading, else `name`.
 * Language: pack.yaml's, else templateLanguage. Orientation: pack.yaml's, as for the PDF.
 */
export function docxTwin(markdown: string, name: string, info: TwinInfo = {}): Uint8Array {
  return markdownTemplateToDocx(markdown, {
    title: markdownTemplateTitle(markdown, 1) ?? info.title ?? markdownTemplateTitle(markdown) ?? name,
    language: info.language ?? templateLanguage(markdown),
    date: DEFAULT_TEMPLATE_DATE,
    orientation: info.orientation ?? 'portrait',
  });
}

/** Markdown file name -> language and title, from `documents.<doc>.{title, templates.<lang>.md}` in pack.yaml. */
export function packInfo(packYaml: string): Map<string, TwinInfo> {
  const out = new Map<string, TwinInfo>();
  let doc: unknown;
  try {
    doc = parseYaml(packYaml);
  } catch {
    return out; // a broken pack.yaml is the validator's business; guess instead
  }
  const documents = (doc as { documents?: unknown } | null)?.documents;
  if (typeof documents !== 'object' || documents === null) return out;
  for (const d of Object.values(documents)) {
    const title = (d as { title?: unknown } | null)?.title;
    const orientation = (d as { orientation?: unknown } | null)?.orientation;
    const templates = (d as { templates?: unknown } | null)?.templates;
    if (typeof templates !== 'object' || templates === null) continue;
    for (const [lang, files] of Object.entries(templates)) {
      const md = (files as { md?: unknown } | null)?.md;
      if (typeof md !== 'string') continue;
      const info: TwinInfo = {};
      if (lang === 'nl' || lang === 'fr') info.language = lang;
      if (typeof title === 'string' && title.trim() !== '') info.title = title.trim();
      if (orientation === 'landscape' || orientation === 'portrait') info.orientation = orientation;
      out.set(md, info);
    }
  }
  return out;
}

export interface Twin {
  name: string;
  markdownPath: string;
  docxPath: string;
  docx: Uint8Array;
  /** The .docx on disk has exactly these bytes. */
  upToDate: boolean;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every `*.md` of `dir` with its twin as it should be, and whether the file on disk matches. */
export function docxTwins(dir: string): Twin[] {
  const packFile = join(dir, 'pack.yaml');
  const info = existsSync(packFile) ? packInfo(readFileSync(packFile, 'utf8')) : new Map<string, TwinInfo>();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => {
      const name = basename(f, '.md');
      const markdownPath = join(dir, f);
      const docxPath = join(dir, `${name}.docx`);
      const docx = docxTwin(readFileSync(markdownPath, 'utf8'), name, info.get(f));
      const upToDate = existsSync(docxPath) && sameBytes(new Uint8Array(readFileSync(docxPath)), docx);
      return { name, markdownPath, docxPath, docx, upToDate };
    });
}

/** Write the twins that are missing or out of date; returns all twins. */
export function writeDocxTwins(dir: string): Twin[] {
  const twins = docxTwins(dir);
  for (const t of twins) if (!t.upToDate) writeFileSync(t.docxPath, t.docx);
  return twins;
}
