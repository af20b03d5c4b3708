/**
 * Loading the chain of template packs for one organisation: the IO edge. Reads pack.yaml files
 * (validated against schemas/pack.schema.json with exact line and column), follows `extends`,
 * checks versions and cycles, and lists each layer's files so that resolving templates afterwards
 * is pure. Problems are returned as diagnostics; nothing is thrown for a user's file.
 *
 * Where `extends` points (organisation.yaml's `extends`, or `extends` in a pack.yaml):
 *   - `datalek-standaard` (optionally `@range`): the built-in default pack;
 *   - otherwise tried in this order, the first existing folder wins:
 *       1. a folder relative to the folder of the file that says `extends`;
 *       2. a folder relative to the project root;
 *       3. an installed npm package: <project root>/node_modules/<name> (only for valid package
 *          names; its pack.yaml sits at the package root);
 *   - `name@range` pins a version (^, ~, exact, >=, <, x-ranges, ||; see semver.ts): checked
 *     against the package.json version of an npm package, else against pack.yaml's version.
 *     The '@' of a scope (`@federatie/sjablonen`) is not a version separator.
 * A pack that says no `extends` builds on the default. A folder that turns out to be the built-in
 * default pack is the default layer. A pack met twice is a cycle (DL-PACK-CYCLE).
 *
 * The organisation folder is always the top layer, with or without a pack.yaml. If both
 * organisation.yaml and the organisation's pack.yaml say `extends`, they must agree.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import { checkSchema } from '../validate/schema.js';
import { registerDefaultSchema } from '../validate/precompiled.js';
import { parseSource, type Locate, type Position } from '../validate/yaml.js';
import { closest } from '../validate/suggest.js';
import { mergeDocuments, missingKeys } from './merge.js';
import { isValidRange, satisfies } from './semver.js';
import { DEFAULT_PACK_NAME, type LayerKind, type PackChain, type PackLayer, type PackManifest } from './types.js';
import { displayPath, layerPosition } from './where.js';

const require = createRequire(import.meta.url);

/** The built-in default pack: packs/default/ two levels above src/packs/ and dist/packs/. */
export const DEFAULT_PACK_DIR = path.resolve(fileURLToPath(new URL('../../packs/default/', import.meta.url)));

export const PACK_FILE = 'pack.yaml';

/** At most this many federation layers between the organisation and the default. */
export const MAX_FEDERATION_LAYERS = 8;

/** At most this many files are listed per pack folder. */
const MAX_FILES = 5000;

let packSchema: object | undefined;
/** schemas/pack.schema.json, loaded once. */
export function packSchemaObject(): object {
  // src/packs/ and dist/packs/ both sit two levels below the package root.
  if (!packSchema) {
    packSchema = require('../../schemas/pack.schema.json') as object;
    registerDefaultSchema('pack', packSchema);
  }
  return packSchema;
}

export interface LoadPackChainOptions {
  /** The project root (absolute, or relative to the working directory). */
  projectRoot: string;
  /** templates/<org>/: absolute, or relative to the project root. */
  organisationDir: string;
  /** The organisation (an Organisation fits): its id, its language and what it extends. */
  organisation: { id: string; language: string; extends?: string | undefined };
  /** The built-in pack's folder (tests); defaults to DEFAULT_PACK_DIR. */
  defaultPackDir?: string;
}

export type PackChainResult =
  | { ok: true; chain: PackChain; /** warnings only */ diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

interface Where {
  file: string;
  line: number;
  column: number;
  field: string;
}

// ---- small IO helpers ------------------------------------------------------------------------

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function readText(p: string): Promise<{ text: string } | { missing: true } | { error: string }> {
  try {
    return { text: await readFile(p, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { error: (e as Error).message };
  }
}

async function canonical(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return path.resolve(p);
  }
}

/** Every file under dir, relative with forward slashes, sorted; node_modules and dot-folders skipped. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    if (out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        await walk(r);
      } else if (e.isFile() || e.isSymbolicLink()) {
        out.push(r);
        if (out.length >= MAX_FILES) return;
      }
    }
  };
  await walk('');
  return out.sort();
}

/** Line and column of every field: maps point at their key, values at the value. */
function collectPositions(value: unknown, locate: Locate): Record<string, Position> {
  const out: Record<string, Position> = {};
  const walk = (v: unknown, segs: string[], depth: number): void => {
    if (depth > 6) return;
    const isMap = v !== null && typeof v === 'object' && !Array.isArray(v);
    if (segs.length) out[segs.join('.')] = locate(segs, isMap ? 'key' : 'value');
    if (isMap) for (const [k, sub] of Object.entries(v as Record<string, unknown>)) walk(sub, [...segs, k], depth + 1);
  };
  walk(value, [], 0);
  return out;
}

// ---- reading one pack.yaml -------------------------------------------------------------------

interface ReadManifest {
  manifest: PackManifest;
  positions: Record<string, Position>;
  /** false when the file has errors (yaml or schema). */
  valid: boolean;
}

function readManifest(text: string, file: string, diagnostics: Diagnostic[]): ReadManifest {
  const parsed = parseSource(file, text);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.ok) return { manifest: {}, positions: {}, valid: false };
  const { value, locate } = parsed.parsed;
  const problems = tidyDocumentIds(checkSchema(packSchemaObject(), value, file, locate));
  diagnostics.push(...problems);
  const valid = !parsed.diagnostics.some((d) => d.severity === 'error') && !problems.some((d) => d.severity === 'error');
  return { manifest: (value ?? {}) as PackManifest, positions: collectPositions(value, locate), valid };
}

/**
 * A document id of the wrong form fails `propertyNames`: the shared schema checker then reports it
 * twice, once at `documents` (the pattern) and once at the id itself (name not allowed). Keep the
 * one at the id, with the schema's explanation of the form as its hint.
 */
function tidyDocumentIds(problems: Diagnostic[]): Diagnostic[] {
  const badIds = problems.filter((d) => d.code === 'DL-SCHEMA-NOT-ALLOWED' && /^documents\.[^.]+$/.test(d.field));
  if (badIds.length === 0) return problems;
  const names = (packSchemaObject() as { properties: { documents: { propertyNames: { description: string } } } }).properties.documents.propertyNames;
  return problems
    .filter((d) => !(d.field === 'documents' && d.code === 'DL-SCHEMA-PATTERN'))
    .map((d) => (badIds.includes(d) ? { ...d, message: `the document id '${d.field.slice('documents.'.length)}' is not in the expected form`, hint: names.description } : d));
}

// ---- extends ---------------------------------------------------------------------------------

/** Split `name@range`; the '@' of a scope, or one inside a folder name, does not count. */
export function splitSpec(spec: string): { target: string; range?: string } {
  const at = spec.lastIndexOf('@');
  if (at > 0 && spec[at - 1] !== '/') {
    const range = spec.slice(at + 1);
    if (!/[/\\]/.test(range)) return { target: spec.slice(0, at), range };
  }
  return { target: spec };
}

interface Candidate {
  dir: string;
  npm: boolean;
}

function candidatesFor(target: string, fromDir: string, projectRoot: string): Candidate[] {
  const list: Candidate[] = [];
  const add = (dir: string, npm: boolean) => {
    if (!list.some((c) => c.dir === dir)) list.push({ dir, npm });
  };
  if (path.isAbsolute(target)) {
    add(path.resolve(target), false);
    return list;
  }
  add(path.resolve(fromDir, target), false);
  add(path.resolve(projectRoot, target), false);
  if (NPM_NAME.test(target)) add(path.resolve(projectRoot, 'node_modules', ...target.split('/')), true);
  return list;
}

// ---- the chain -------------------------------------------------------------------------------

interface PendingLayer {
  kind: LayerKind;
  dir: string;
  manifestFile: string | null;
  spec: string | null;
  manifest: PackManifest;
  positions: Record<string, Position>;
  name: string;
  version: string | null;
}

export async function loadPackChain(opts: LoadPackChainOptions): Promise<PackChainResult> {
  const projectRoot = path.resolve(opts.projectRoot);
  const orgDir = path.resolve(projectRoot, opts.organisationDir);
  const defaultDir = path.resolve(opts.defaultPackDir ?? DEFAULT_PACK_DIR);
  const defaultReal = await canonical(defaultDir);
  const show = (abs: string) => displayPath(projectRoot, abs);
  const diagnostics: Diagnostic[] = [];
  const pending: PendingLayer[] = [];

  // -- 1. the organisation folder
  const orgManifestFile = path.join(orgDir, PACK_FILE);
  let org: PendingLayer = {
    kind: 'organisation',
    dir: orgDir,
    manifestFile: null,
    spec: null,
    manifest: {},
    positions: {},
    name: opts.organisation.id,
    version: null,
  };
  const orgText = await readText(orgManifestFile);
  if ('text' in orgText) {
    const r = readManifest(orgText.text, show(orgManifestFile), diagnostics);
    org = { ...org, manifestFile: orgManifestFile, manifest: r.manifest, positions: r.positions };
    if (typeof r.manifest.name === 'string') org.name = r.manifest.name;
    if (typeof r.manifest.version === 'string') org.version = r.manifest.version;
    if (!r.valid) diagnostics.push(invalid(show(orgManifestFile), org.name, 'organisation', diagnostics));
  } else if ('error' in orgText) {
    diagnostics.push(makeDiagnostic('DL-LOAD-UNREADABLE', { file: show(orgManifestFile) }, { reason: orgText.error }));
  }
  pending.push(org);

  // Where the organisation's `extends` is written, for pointing at it.
  const fromOrganisation = opts.organisation.extends;
  const fromPack = typeof org.manifest.extends === 'string' ? org.manifest.extends : undefined;
  let spec: string | undefined;
  let specWhere: Where;
  if (fromOrganisation !== undefined) {
    spec = fromOrganisation;
    specWhere = await organisationExtendsPosition(orgDir, show);
    if (fromPack !== undefined && fromPack !== fromOrganisation) {
      const at = layerPosition({ projectRoot }, toLayer(org, []), 'extends');
      diagnostics.push(makeDiagnostic('DL-PACK-EXTENDS-CONFLICT', { ...at, field: 'extends' }, { fromOrganisation, fromPack }));
    }
  } else {
    spec = fromPack;
    specWhere = { ...layerPosition({ projectRoot }, toLayer(org, []), 'extends'), field: 'extends' };
  }

  // -- 2. federation packs, 3. the default
  const seen: { real: string; label: string }[] = [{ real: await canonical(orgDir), label: `${org.name} (${show(orgDir)})` }];
  let fromDir = orgDir;
  let reachedDefault = false;
  for (let depth = 0; !reachedDefault; depth++) {
    if (depth > MAX_FEDERATION_LAYERS) {
      diagnostics.push(
        makeDiagnostic('DL-PACK-TOO-DEEP', specWhere, { limit: MAX_FEDERATION_LAYERS, chain: seen.map((s) => s.label).join(' -> ') }),
      );
      break;
    }
    let dir: string;
    let npm = false;
    let range: string | undefined;
    if (spec === undefined) {
      dir = defaultDir;
    } else {
      const split = splitSpec(spec);
      range = split.range;
      if (range !== undefined && !isValidRange(range)) {
        diagnostics.push(makeDiagnostic('DL-PACK-BAD-RANGE', specWhere, { range, spec }));
        break;
      }
      if (split.target === DEFAULT_PACK_NAME) {
        dir = defaultDir;
      } else {
        const tried = candidatesFor(split.target, fromDir, projectRoot);
        let found: Candidate | undefined;
        for (const c of tried) {
          if (await isDir(c.dir)) {
            found = c;
            break;
          }
        }
        if (!found) {
          diagnostics.push(makeDiagnostic('DL-PACK-NOT-FOUND', specWhere, { spec, tried: tried.map((c) => show(c.dir)).join(', ') }));
          break;
        }
        dir = found.dir;
        npm = found.npm;
      }
    }
    const real = await canonical(dir);
    const cycleAt = seen.findIndex((s) => s.real === real);
    if (cycleAt >= 0) {
      const cycle = [...seen.slice(cycleAt).map((s) => s.label), seen[cycleAt]!.label].join(' -> ');
      diagnostics.push(makeDiagnostic('DL-PACK-CYCLE', specWhere, { cycle }));
      break;
    }
    const isDefault = real === defaultReal;
    const kind: LayerKind = isDefault ? 'default' : 'federation';
    const manifestFile = path.join(dir, PACK_FILE);
    const text = await readText(manifestFile);
    if ('missing' in text) {
      diagnostics.push(makeDiagnostic('DL-PACK-NO-MANIFEST', specWhere, { dir: show(dir), spec: spec ?? DEFAULT_PACK_NAME }));
      break;
    }
    if ('error' in text) {
      diagnostics.push(makeDiagnostic('DL-LOAD-UNREADABLE', { file: show(manifestFile) }, { reason: text.error }));
      break;
    }
    const r = readManifest(text.text, show(manifestFile), diagnostics);
    const name = typeof r.manifest.name === 'string' ? r.manifest.name : path.basename(dir);
    const version = typeof r.manifest.version === 'string' ? r.manifest.version : null;
    seen.push({ real, label: `${name} (${show(dir)})` });
    if (!r.valid) diagnostics.push(invalid(show(manifestFile), name, kind, diagnostics));
    if (kind === 'federation' && r.valid) {
      const missing = [r.manifest.name === undefined ? 'a name' : '', r.manifest.version === undefined ? 'a version' : ''].filter(Boolean);
      if (missing.length) {
        diagnostics.push(makeDiagnostic('DL-PACK-UNVERSIONED', { file: show(manifestFile), line: 1, column: 1 }, { missing: missing.join(' and ') }));
      }
    }
    // The version the range is checked against: an npm package's installed version, else pack.yaml's.
    let installed = version;
    let installedWhere = show(manifestFile);
    if (npm) {
      const pkg = await readText(path.join(dir, 'package.json'));
      if ('text' in pkg) {
        try {
          const v = (JSON.parse(pkg.text) as { version?: unknown }).version;
          if (typeof v === 'string') {
            installed = v;
            installedWhere = show(path.join(dir, 'package.json'));
            if (version !== null && version !== v) {
              diagnostics.push(
                makeDiagnostic('DL-PACK-VERSION-DIFFERS', { file: show(manifestFile), ...posOf(r.positions, 'version'), field: 'version' }, {
                  packVersion: version,
                  name: splitSpec(spec ?? '').target,
                  packageVersion: v,
                }),
              );
            }
          }
        } catch {
          /* a broken package.json: fall back to pack.yaml's version */
        }
      }
    }
    if (range !== undefined && installed !== null && satisfies(installed, range) !== true) {
      diagnostics.push(
        makeDiagnostic('DL-PACK-VERSION-MISMATCH', specWhere, { spec: spec!, range, name, version: installed, where: installedWhere }),
      );
    }
    const layer: PendingLayer = { kind, dir, manifestFile, spec: spec ?? null, manifest: r.manifest, positions: r.positions, name, version };
    pending.push(layer);
    if (isDefault) {
      reachedDefault = true;
      break;
    }
    spec = typeof r.manifest.extends === 'string' ? r.manifest.extends : undefined;
    specWhere = { file: show(manifestFile), ...posOf(r.positions, 'extends'), field: 'extends' };
    fromDir = dir;
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };

  const layers: PackLayer[] = [];
  for (const p of pending) layers.push(toLayer(p, await listFiles(p.dir)));
  const chain: PackChain = { projectRoot, organisationId: opts.organisation.id, language: opts.organisation.language, layers };
  diagnostics.push(...completeness(chain));
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return { ok: true, chain, diagnostics: sortDiagnostics(diagnostics) };
}

function posOf(positions: Record<string, Position>, key: string): { line: number; column: number } {
  const p = positions[key];
  return p ? { line: p.line, column: p.column } : { line: 0, column: 0 };
}

function toLayer(p: PendingLayer, files: string[]): PackLayer {
  return {
    kind: p.kind,
    pack: { name: p.name, version: p.version },
    dir: p.dir,
    manifestFile: p.manifestFile,
    spec: p.spec,
    manifest: p.manifest,
    files,
    positions: p.positions,
  };
}

function invalid(file: string, pack: string, layer: LayerKind, diagnostics: Diagnostic[]): Diagnostic {
  const count = diagnostics.filter((d) => d.file === file && d.severity === 'error').length;
  return makeDiagnostic('DL-PACK-INVALID', { file }, { pack, layer, count });
}

async function organisationExtendsPosition(orgDir: string, show: (abs: string) => string): Promise<Where> {
  for (const name of ['organisation.yaml', 'organisation.yml']) {
    const abs = path.join(orgDir, name);
    const text = await readText(abs);
    if (!('text' in text)) continue;
    const parsed = parseSource(show(abs), text.text);
    if (!parsed.ok) return { file: show(abs), line: 0, column: 0, field: 'extends' };
    const pos = parsed.parsed.locate(['extends'], 'value');
    return { file: show(abs), line: pos.line, column: pos.column, field: 'extends' };
  }
  return { file: show(path.join(orgDir, 'organisation.yaml')), line: 0, column: 0, field: 'extends' };
}

/** Documents that no layer completes (typically a misspelt id in an override). */
function completeness(chain: PackChain): Diagnostic[] {
  const docs = mergeDocuments(chain, { includeDisabled: true });
  const complete = docs.filter((d) => missingKeys(d).length === 0).map((d) => d.id);
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    const missing = missingKeys(doc);
    if (missing.length === 0) continue;
    // the highest layer mentioning the document
    const index = chain.layers.findIndex((l) => l.manifest.documents?.[doc.id] !== undefined);
    const at = layerPosition(chain, chain.layers[index]!, `documents.${doc.id}`);
    const guess = closest(doc.id, complete);
    out.push(
      makeDiagnostic('DL-PACK-DOCUMENT-INCOMPLETE', { ...at, field: `documents.${doc.id}` }, {
        id: doc.id,
        missing: missing.join(', '),
        suggestion: guess ? `; did you mean '${guess}'?` : '',
      }),
    );
  }
  return out;
}
