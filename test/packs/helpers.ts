/** Helpers for the template-pack tests: fixture paths, temporary projects, hand-built chains. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { PackChain, PackLayer, PackManifest, LayerKind } from '../../src/packs/types.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/packs');
export const DEFAULT_DIR = path.join(REPO, 'packs/default');

/** Write a tree of files (relative path -> text or bytes) into a fresh temporary folder. */
export function tempProject(files: Record<string, string | Uint8Array>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'datalek-packs-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The parts of a diagnostic the tests compare. */
export function brief(d: Diagnostic): Pick<Diagnostic, 'code' | 'file' | 'line' | 'column' | 'field'> {
  return { code: d.code, file: d.file, line: d.line, column: d.column, field: d.field };
}

export interface LayerInput {
  kind: LayerKind;
  name: string;
  version?: string | null;
  dir: string;
  manifest: PackManifest;
  files?: string[];
}

/** A chain built by hand (no IO), for the pure functions. */
export function chainOf(layers: LayerInput[], language = 'nl', projectRoot = '/p'): PackChain {
  return {
    projectRoot,
    organisationId: 'kantoor',
    language,
    layers: layers.map(
      (l): PackLayer => ({
        kind: l.kind,
        pack: { name: l.name, version: l.version ?? null },
        dir: l.dir,
        manifestFile: `${l.dir}/pack.yaml`,
        spec: null,
        manifest: l.manifest,
        files: l.files ?? [],
        positions: {},
      }),
    ),
  };
}
