/**
 * Office overrides that no longer fit the packs below them (pure: the chain carries the files).
 *
 * An office overrides a template of its federation (or of the default) just by putting a file
 * with the same name in templates/<org>/. When the federation publishes a new version that
 * removes the document, renames its template file or switches the document off, that file
 * silently stops being used: the office's letter is no longer the one sent. This finds such
 * files: every .md or .docx in the organisation folder (READMEs and the like left out) that no
 * document of the merged packs names, or that only a switched-off document names.
 *
 * An override in the office's own pack.yaml of a document the federation dropped is already an
 * error of loadPackChain (DL-PACK-DOCUMENT-INCOMPLETE, with a did-you-mean); a tag reading a field
 * that the document data no longer has is DL-TEMPLATE-UNKNOWN-FIELD of lintPack.
 */
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { displayPath, mergeDocuments, type PackChain } from './index.js';
import { closest } from '../validate/suggest.js';

export const OVERRIDE_UNUSED = 'DL-TEMPLATE-OVERRIDE-UNUSED';

/** Files of an organisation folder that are documentation, not templates. */
const NOT_TEMPLATES = /^(readme|changelog|license|licence|notes?)(\.[a-z]+)?$/i;

interface Naming {
  id: string;
  disabled: boolean;
  /** Who switched the document off, "voorbeeld-federatie 2.0.0". */
  disabledBy?: string;
}

function packLabel(chain: PackChain, index: number): string {
  const l = chain.layers[index];
  if (!l) return 'a pack';
  return l.pack.version ? `${l.pack.name} ${l.pack.version}` : l.pack.name;
}

/** Template files in the organisation layer that no (enabled) document uses. */
export function unusedOverrides(chain: PackChain): Diagnostic[] {
  const top = chain.layers[0];
  if (!top || top.kind !== 'organisation') return [];
  const named = new Map<string, Naming[]>();
  for (const doc of mergeDocuments(chain, { includeDisabled: true })) {
    for (const files of Object.values(doc.templates)) {
      for (const rel of Object.values(files)) {
        if (typeof rel !== 'string') continue;
        const list = named.get(rel) ?? [];
        const who = doc.provenance['disabled'];
        list.push({ id: doc.id, disabled: doc.disabled, ...(doc.disabled && who ? { disabledBy: packLabel(chain, who.index) } : {}) });
        named.set(rel, list);
      }
    }
  }
  const below = chain.layers
    .slice(1)
    .map((l) => (l.pack.version ? `${l.pack.name} ${l.pack.version}` : l.pack.name))
    .join(', ');
  const out: Diagnostic[] = [];
  for (const rel of top.files) {
    const ext = path.posix.extname(rel).toLowerCase();
    if (ext !== '.md' && ext !== '.docx') continue;
    if (NOT_TEMPLATES.test(path.posix.basename(rel))) continue;
    const file = displayPath(chain.projectRoot, path.join(top.dir, ...rel.split('/')));
    const names = named.get(rel);
    const base = { code: OVERRIDE_UNUSED, severity: 'warning' as const, file, line: 0, column: 0, field: '' };
    if (names && names.some((n) => !n.disabled)) continue;
    if (names) {
      const n = names[0]!;
      out.push({
        ...base,
        message: `this template is not used: it overrides '${n.id}', which is switched off${n.disabledBy ? ` by ${n.disabledBy}` : ''}`,
        hint: 'Delete the file if the document is no longer wanted, or switch it on again with `disabled: false` in templates/<org>/pack.yaml.',
      });
      continue;
    }
    const candidates = [...named.keys()].filter((k) => path.posix.extname(k).toLowerCase() === ext);
    const guess = closest(rel, candidates);
    const guessText = guess ? `; did you mean '${guess}' (${named.get(guess)!.map((n) => `'${n.id}'`).join(', ')})?` : '';
    out.push({
      ...base,
      message: `this template overrides nothing: no document of the packs (${below}) names '${rel}'${guessText}`,
      hint:
        'A new version of the federation pack may have removed or renamed the document or its template (see `datalek templates diff <old> <new>`). ' +
        'Rename the file to the template it should replace, or delete it; `datalek templates check` lists what each document uses.',
    });
  }
  return out;
}
