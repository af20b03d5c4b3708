/**
 * Resolving a document's template through the layers: pure (the chain carries each layer's file
 * list, read once by `loadPackChain`).
 *
 * For the requested language, then (if that finds nothing) for `nl`:
 *   1. the merged document names a file for this language and format, set by some layer L;
 *   2. if L is not the organisation: the organisation folder is tried first, at the same relative
 *      path (for the built-in pack: the same file name). An office overrides a template of its
 *      federation or of the default just by putting a file with that name in templates/<org>/,
 *      without a pack.yaml entry. This holds for the organisation folder only: a federation pack
 *      names its templates in its pack.yaml (it is published and versioned; a stray file in a
 *      package must not change documents silently);
 *   3. then the file in L's folder.
 * The first file that exists wins. The result names it, its layer and pack, and every path tried
 * in order; an error carries the same list. Falling back to `nl` adds a note.
 */
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { mergeDocuments } from './merge.js';
import { displayPath, layerPosition } from './where.js';
import {
  FALLBACK_LANGUAGE,
  type DocumentSpec,
  type LayerKind,
  type PackChain,
  type PackLayer,
  type PackRef,
  type TemplateFormat,
} from './types.js';

export interface TemplateResolution {
  ok: true;
  documentId: string;
  format: TemplateFormat;
  /** The language asked for. */
  language: string;
  /** The language of the template found (the asked one, or nl after a fallback). */
  usedLanguage: string;
  /** Absolute path of the winning template. */
  path: string;
  layer: LayerKind;
  pack: PackRef;
  /** Every path tried, in order, absolute; the last one is `path`. */
  tried: string[];
  /** E.g. that no French template exists and the Dutch one is used. */
  notes: string[];
}

export interface TemplateNotFound {
  ok: false;
  documentId: string;
  format: TemplateFormat;
  language: string;
  /** Every path tried, in order, absolute. */
  tried: string[];
  notes: string[];
  diagnostic: Diagnostic;
}

const merged = new WeakMap<object, DocumentSpec[]>();

/** All documents of the chain, disabled ones included (memoised per chain object). */
export function documentsOf(chain: PackChain): DocumentSpec[] {
  let docs = merged.get(chain);
  if (!docs) {
    docs = mergeDocuments(chain, { includeDisabled: true });
    merged.set(chain, docs);
  }
  return docs;
}

function has(layer: PackLayer, rel: string): boolean {
  return layer.files.includes(rel);
}

/** The candidates for one language, in order, with the layer each belongs to. */
function candidates(chain: PackChain, doc: DocumentSpec, format: TemplateFormat, language: string): { layer: PackLayer; rel: string }[] {
  const who = doc.provenance[`templates.${language}.${format}`];
  const rel = doc.templates[language]?.[format];
  if (!who || rel === undefined) return [];
  const out: { layer: PackLayer; rel: string }[] = [];
  const top = chain.layers[0];
  if (top && top.kind === 'organisation' && who.index !== 0) out.push({ layer: top, rel });
  out.push({ layer: chain.layers[who.index]!, rel });
  return out;
}

export interface ResolveOptions {
  /** false: only the asked language, no fallback to nl (lint uses this). Default true. */
  fallback?: boolean;
}

export function resolveTemplate(
  chain: PackChain,
  documentId: string,
  format: TemplateFormat,
  language: string = chain.language,
  opts: ResolveOptions = {},
): TemplateResolution | TemplateNotFound {
  const tried: string[] = [];
  const notes: string[] = [];
  const doc = documentsOf(chain).find((d) => d.id === documentId);
  const languages = language === FALLBACK_LANGUAGE || opts.fallback === false ? [language] : [language, FALLBACK_LANGUAGE];
  if (doc) {
    for (const lang of languages) {
      const list = candidates(chain, doc, format, lang);
      if (list.length === 0) {
        if (lang !== FALLBACK_LANGUAGE && languages.length > 1) notes.push(`no ${lang} ${format} template for '${documentId}'; the nl one is used`);
        else if (languages.length === 1) notes.push(`no ${lang} ${format} template for '${documentId}'`);
        continue;
      }
      for (const c of list) {
        const abs = path.join(c.layer.dir, ...c.rel.split('/'));
        tried.push(abs);
        if (has(c.layer, c.rel)) {
          return {
            ok: true,
            documentId,
            format,
            language,
            usedLanguage: lang,
            path: abs,
            layer: c.layer.kind,
            pack: { ...c.layer.pack },
            tried,
            notes,
          };
        }
      }
      if (lang !== FALLBACK_LANGUAGE && languages.length > 1) notes.push(`the ${lang} ${format} template of '${documentId}' is missing; the nl one is tried`);
    }
  } else {
    notes.push(`no document '${documentId}' in the template packs`);
  }
  // Point at the pack.yaml entry that names the template (the asked language, else nl), else the document.
  let where = { file: displayPath(chain.projectRoot, chain.layers[0]?.manifestFile ?? chain.layers[0]?.dir ?? chain.projectRoot), line: 0, column: 0 };
  if (doc) {
    const key = languages.map((l) => `templates.${l}.${format}`).find((k) => doc.provenance[k]);
    const who = key ? doc.provenance[key] : doc.origin;
    const layer = chain.layers[who!.index]!;
    const field = key ? `documents.${documentId}.${key}` : `documents.${documentId}`;
    where = layerPosition(chain, layer, field);
  }
  const diagnostic = makeDiagnostic(
    'DL-TEMPLATE-NOT-FOUND',
    { ...where, field: doc ? `documents.${documentId}.templates` : '' },
    {
      format,
      id: documentId,
      language,
      tried: tried.length ? tried.map((t) => displayPath(chain.projectRoot, t)).join(', ') : `nothing (${notes.join('; ')})`,
    },
  );
  return { ok: false, documentId, format, language, tried, notes, diagnostic };
}

export interface PackVersion {
  layer: LayerKind;
  name: string;
  version: string | null;
  /** The folder, relative to the project root where possible. */
  dir: string;
  /** The `extends` value that brought it in; null for the organisation. */
  spec: string | null;
}

/** Which packs (and versions) a chain is made of, highest first: for reports and audit packs. */
export function packVersions(chain: PackChain): PackVersion[] {
  return chain.layers.map((l) => ({
    layer: l.kind,
    name: l.pack.name,
    version: l.pack.version,
    dir: displayPath(chain.projectRoot, l.dir),
    spec: l.spec,
  }));
}
