/**
 * The document cascade: pure. Layers are applied from the lowest (the built-in default, the last
 * of `chain.layers`) to the highest (the organisation, the first), so a higher layer overrides.
 *
 * Per document, a layer may set any key:
 *   - title, scope, when, formats, disabled, orientation: replaced whole (formats is a list: a higher layer
 *     gives the complete list);
 *   - templates: merged per language and per format, so an office can replace only
 *     `templates.nl.md` and keep the Word template of the pack below;
 *   - disabled: true switches a document off, a higher `disabled: false` on again.
 * A document that no lower layer defines is added (it needs title, scope, formats and templates
 * itself; `loadPackChain` reports what is missing as DL-PACK-DOCUMENT-INCOMPLETE).
 *
 * Every key of the result says which layer set it (`provenance`). Order: documents in the order
 * they were first defined, lowest layer first (the default pack's order, then additions).
 */
import type { DocumentSpec, PackChain, PackLayer, Provenance, TemplateFormat } from './types.js';
import { TEMPLATE_FORMATS } from './types.js';

export interface MergeOptions {
  /** Keep documents switched off with `disabled: true` (marked `disabled`). Default: left out. */
  includeDisabled?: boolean;
}

/** The keys a document needs from some layer. */
export const REQUIRED_DOCUMENT_KEYS = ['title', 'scope', 'formats', 'templates'] as const;

function provenanceOf(layer: PackLayer, index: number): Provenance {
  return { layer: layer.kind, index, pack: { ...layer.pack } };
}

export function mergeDocuments(chain: Pick<PackChain, 'layers'>, opts: MergeOptions = {}): DocumentSpec[] {
  const docs = new Map<string, DocumentSpec>();
  for (let index = chain.layers.length - 1; index >= 0; index--) {
    const layer = chain.layers[index]!;
    const entries = layer.manifest.documents ?? {};
    const who = provenanceOf(layer, index);
    for (const [id, entry] of Object.entries(entries)) {
      if (entry === null || typeof entry !== 'object') continue;
      let doc = docs.get(id);
      if (!doc) {
        doc = {
          id,
          title: id,
          scope: 'incident',
          when: null,
          formats: [],
          templates: {},
          disabled: false,
          orientation: 'portrait',
          origin: who,
          provenance: {},
        };
        docs.set(id, doc);
      }
      if (entry.title !== undefined) {
        doc.title = entry.title;
        doc.provenance.title = who;
      }
      if (entry.scope !== undefined) {
        doc.scope = entry.scope;
        doc.provenance.scope = who;
      }
      if (entry.when !== undefined) {
        doc.when = entry.when;
        doc.provenance.when = who;
      }
      if (entry.formats !== undefined) {
        doc.formats = [...entry.formats];
        doc.provenance.formats = who;
      }
      if (entry.disabled !== undefined) {
        doc.disabled = entry.disabled;
        doc.provenance.disabled = who;
      }
      if (entry.orientation !== undefined) {
        doc.orientation = entry.orientation;
        doc.provenance.orientation = who;
      }
      for (const [language, files] of Object.entries(entry.templates ?? {})) {
        if (files === null || typeof files !== 'object') continue;
        for (const format of TEMPLATE_FORMATS) {
          const file = files[format];
          if (file === undefined) continue;
          (doc.templates[language] ??= {})[format] = file;
          doc.provenance[`templates.${language}.${format}`] = who;
        }
      }
    }
  }
  const out = [...docs.values()];
  return opts.includeDisabled ? out : out.filter((d) => !d.disabled);
}

/** The required keys no layer gave (title, scope, formats, templates). */
export function missingKeys(doc: DocumentSpec): string[] {
  const missing: string[] = [];
  for (const key of REQUIRED_DOCUMENT_KEYS) {
    const given =
      key === 'templates' ? Object.keys(doc.provenance).some((k) => k.startsWith('templates.')) : doc.provenance[key] !== undefined;
    if (!given) missing.push(key);
  }
  return missing;
}

/** Which layer set the template of one language and format, if any. */
export function templateProvenance(doc: DocumentSpec, language: string, format: TemplateFormat): Provenance | undefined {
  return doc.provenance[`templates.${language}.${format}`];
}
