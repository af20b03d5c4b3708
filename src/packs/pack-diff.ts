/**
 * What changed between two versions of a template pack, as an office extending it would see it
 * (each pack cascaded over what it extends and the default): documents added, removed and
 * changed (title, scope, when, formats, orientation, switched off, and per language and format
 * the template: where it comes from, the fields it reads, its wording).
 *
 * `snapshotPack` reads the templates (IO); `diffSnapshots` compares two snapshots (pure).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { displayPath, mergeDocuments, resolveTemplate, TEMPLATE_FORMATS, type PackChain, type TemplateFormat } from './index.js';
import { diffLines, summariseDiff } from './line-diff.js';
import { readTemplate } from './template-text.js';

export interface TemplateSnapshot {
  language: string;
  format: TemplateFormat;
  /** As named in pack.yaml. */
  name: string;
  /** The file found, for people (relative to the project root, or absolute). */
  file: string | null;
  /** The pack it comes from, "voorbeeld-federatie 1.0.0". */
  pack: string | null;
  /** Its name alone: a new version of the same pack is not another source. */
  packName: string | null;
  /** sha256 of the bytes; null when missing. */
  hash: string | null;
  fields: string[];
  wording: string[];
}

export interface DocumentSnapshot {
  id: string;
  title: string;
  scope: string;
  when: string | null;
  formats: string[];
  orientation: string;
  disabled: boolean;
  templates: TemplateSnapshot[];
}

export interface PackSnapshot {
  name: string;
  version: string | null;
  /** The folder, for people. */
  dir: string;
  extends: string | null;
  /** The packs the documents come from, highest first: "voorbeeld-federatie 1.0.0", "datalek-standaard 1.0.0". */
  layers: string[];
  documents: DocumentSnapshot[];
}

const label = (name: string, version: string | null): string => (version ? `${name} ${version}` : name);

export async function snapshotPack(chain: PackChain): Promise<PackSnapshot> {
  const top = chain.layers[0]!;
  const documents: DocumentSnapshot[] = [];
  for (const doc of mergeDocuments(chain, { includeDisabled: true })) {
    const templates: TemplateSnapshot[] = [];
    for (const language of Object.keys(doc.templates).sort()) {
      for (const format of TEMPLATE_FORMATS) {
        const name = doc.templates[language]?.[format];
        if (name === undefined) continue;
        const r = resolveTemplate(chain, doc.id, format, language, { fallback: false });
        const snap: TemplateSnapshot = { language, format, name, file: null, pack: null, packName: null, hash: null, fields: [], wording: [] };
        if (r.ok) {
          snap.file = displayPath(chain.projectRoot, r.path);
          snap.pack = label(r.pack.name, r.pack.version);
          snap.packName = r.pack.name;
          try {
            const bytes = new Uint8Array(await readFile(r.path));
            snap.hash = createHash('sha256').update(bytes).digest('hex');
            const read = readTemplate(bytes, format, doc.scope, snap.file);
            snap.fields = read.fields;
            snap.wording = read.wording;
          } catch {
            /* unreadable: compared as missing */
          }
        }
        templates.push(snap);
      }
    }
    documents.push({
      id: doc.id,
      title: doc.title,
      scope: doc.scope,
      when: doc.when,
      formats: [...doc.formats],
      orientation: doc.orientation,
      disabled: doc.disabled,
      templates,
    });
  }
  return {
    name: top.pack.name,
    version: top.pack.version,
    dir: displayPath(chain.projectRoot, top.dir),
    extends: typeof top.manifest.extends === 'string' ? top.manifest.extends : null,
    layers: chain.layers.map((l) => label(l.pack.name, l.pack.version)),
    documents,
  };
}

// ---- the comparison (pure) -------------------------------------------------------------------

export interface KeyChange {
  key: 'title' | 'scope' | 'when' | 'formats' | 'orientation' | 'disabled';
  old: string;
  new: string;
}

export interface WordingChange {
  added: number;
  removed: number;
  /** `- old line` / `+ new line`, in order. */
  lines: string[];
}

export interface TemplateChange {
  language: string;
  format: TemplateFormat;
  status: 'added' | 'removed' | 'changed';
  old: { name: string; file: string | null; pack: string | null; packName: string | null } | null;
  new: { name: string; file: string | null; pack: string | null; packName: string | null } | null;
  fieldsAdded: string[];
  fieldsRemoved: string[];
  /** null when the text (tags stripped) is the same. */
  wording: WordingChange | null;
}

export interface DocumentChange {
  id: string;
  title: string;
  keys: KeyChange[];
  templates: TemplateChange[];
}

export interface DocumentBrief {
  id: string;
  title: string;
  scope: string;
  formats: string[];
  /** Template file names, "nl md: brief.md". */
  templates: string[];
}

export interface PackDiff {
  old: Omit<PackSnapshot, 'documents'>;
  new: Omit<PackSnapshot, 'documents'>;
  added: DocumentBrief[];
  removed: DocumentBrief[];
  changed: DocumentChange[];
  unchanged: string[];
}

function brief(d: DocumentSnapshot): DocumentBrief {
  return { id: d.id, title: d.title, scope: d.scope, formats: d.formats, templates: d.templates.map((t) => `${t.language} ${t.format}: ${t.name}`) };
}

const show = (v: unknown): string => (v === null || v === undefined ? '(none)' : Array.isArray(v) ? v.join(', ') : String(v));

function compareTemplates(a: TemplateSnapshot | undefined, b: TemplateSnapshot | undefined): TemplateChange | null {
  const ref = (t: TemplateSnapshot | undefined) => (t ? { name: t.name, file: t.file, pack: t.pack, packName: t.packName } : null);
  const language = (a ?? b)!.language;
  const format = (a ?? b)!.format;
  if (a && b && a.hash === b.hash && a.name === b.name && a.packName === b.packName) return null;
  const fieldsA = new Set(a?.fields ?? []);
  const fieldsB = new Set(b?.fields ?? []);
  const fieldsAdded = [...fieldsB].filter((f) => !fieldsA.has(f)).sort();
  const fieldsRemoved = [...fieldsA].filter((f) => !fieldsB.has(f)).sort();
  const summary = summariseDiff(diffLines(a?.wording ?? [], b?.wording ?? []));
  const wording = summary.added || summary.removed ? summary : null;
  const status = !a ? 'added' : !b ? 'removed' : 'changed';
  // Same words and fields, other bytes or another pack: still a change worth naming (where it comes from).
  return { language, format, status, old: ref(a), new: ref(b), fieldsAdded, fieldsRemoved, wording };
}

export function diffSnapshots(a: PackSnapshot, b: PackSnapshot): PackDiff {
  const { documents: docsA, ...metaA } = a;
  const { documents: docsB, ...metaB } = b;
  const byId = (list: DocumentSnapshot[]) => new Map(list.map((d) => [d.id, d]));
  const mapA = byId(docsA);
  const mapB = byId(docsB);
  // A document switched off counts as gone for the office; switched on again, as new.
  const live = (d: DocumentSnapshot | undefined) => d !== undefined && !d.disabled;
  const added = docsB.filter((d) => live(d) && !live(mapA.get(d.id))).map(brief);
  const removed = docsA.filter((d) => live(d) && !live(mapB.get(d.id))).map(brief);
  const changed: DocumentChange[] = [];
  const unchanged: string[] = [];
  for (const old of docsA) {
    const neu = mapB.get(old.id);
    if (!live(old) || !live(neu)) continue;
    const keys: KeyChange[] = [];
    for (const key of ['title', 'scope', 'when', 'formats', 'orientation'] as const) {
      const x = show(old[key]);
      const y = show(neu![key]);
      if (x !== y) keys.push({ key, old: x, new: y });
    }
    const tkey = (t: TemplateSnapshot) => `${t.language}\0${t.format}`;
    const tA = new Map(old.templates.map((t) => [tkey(t), t]));
    const tB = new Map(neu!.templates.map((t) => [tkey(t), t]));
    const templates: TemplateChange[] = [];
    for (const k of [...new Set([...tA.keys(), ...tB.keys()])].sort()) {
      const c = compareTemplates(tA.get(k), tB.get(k));
      if (c) templates.push(c);
    }
    if (keys.length || templates.length) changed.push({ id: old.id, title: neu!.title, keys, templates });
    else unchanged.push(old.id);
  }
  return { old: metaA, new: metaB, added, removed, changed, unchanged };
}

/** The template names an office could have overridden by name, per document, that this diff touches. */
export function touchedTemplateNames(diff: PackDiff): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of diff.removed) for (const t of d.templates) out.set(t.slice(t.indexOf(': ') + 2), `'${d.id}' was removed`);
  for (const d of diff.changed) {
    for (const t of d.templates) {
      if (t.old && (t.status === 'removed' || t.new?.name !== t.old.name)) out.set(t.old.name, `the ${t.language} ${t.format} template of '${d.id}' is now ${t.new ? `'${t.new.name}'` : 'gone'}`);
      else if (t.old && (t.fieldsAdded.length || t.fieldsRemoved.length || t.wording)) {
        out.set(t.old.name, `the ${t.language} ${t.format} template of '${d.id}' changed (${[t.fieldsAdded.length || t.fieldsRemoved.length ? 'fields' : '', t.wording ? 'wording' : ''].filter(Boolean).join(' and ')})`);
      }
    }
  }
  return out;
}
