/**
 * The template packs of every organisation in a project: loaded once per organisation (IO), with
 * their problems as diagnostics, and linted against the fields the document data provide.
 */
import path from 'node:path';
import { loadPackChain, lintPack, mergeDocuments, type DocumentSpec, type PackChain } from '../packs/index.js';
import { FIELD_DOCS } from '../documents/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Organisation } from '../model/organisation.js';

export interface OrganisationPacks {
  organisation: Organisation;
  /** templates/<org>/, relative to the project root. */
  dir: string;
  chain: PackChain;
  documents: DocumentSpec[];
}

export interface PacksResult {
  packs: Map<string, OrganisationPacks>;
  diagnostics: Diagnostic[];
}

export async function loadOrganisationPacks(
  root: string,
  organisations: ReadonlyArray<{ file: string; organisation: Organisation }>,
): Promise<PacksResult> {
  const packs = new Map<string, OrganisationPacks>();
  const diagnostics: Diagnostic[] = [];
  for (const { file, organisation } of organisations) {
    const dir = path.posix.dirname(file);
    const result = await loadPackChain({ projectRoot: root, organisationDir: dir, organisation });
    diagnostics.push(...result.diagnostics);
    if (!result.ok) continue;
    packs.set(organisation.id, { organisation, dir, chain: result.chain, documents: mergeDocuments(result.chain) });
  }
  return { packs, diagnostics };
}

const fieldSet = (docs: Readonly<Record<string, unknown>>): ReadonlySet<string> => new Set(Object.keys(docs));

/** Template lint for every organisation's resolved packs; each template file is reported once. */
export async function lintOrganisationPacks(packs: Iterable<OrganisationPacks>): Promise<Diagnostic[]> {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const p of packs) {
    const found = await lintPack(p.chain, {
      knownFields: fieldSet(FIELD_DOCS.incident),
      knownFieldsByScope: { organisation: fieldSet(FIELD_DOCS.register) },
    });
    for (const d of found) {
      const key = `${d.code}\0${d.file}\0${d.line}\0${d.column}\0${d.field}\0${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
