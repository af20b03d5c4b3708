/**
 * manifest.json of an audit pack, and checking a pack against it (pure).
 *
 * The manifest names every other entry of the zip with its SHA-256 and size. Verification opens
 * the zip, recomputes every hash, and reports exactly what differs: entries changed (expected and
 * actual hash), entries missing, entries added, entries the zip cannot give back (damaged), and a
 * manifest that is missing or damaged, or a file that is not a zip at all.
 */
import { createHash } from 'node:crypto';
import { compareText } from '../compare-text.js';
import { readZip } from './zip.js';

export const MANIFEST_PATH = 'manifest.json';
export const PACK_FORMAT = 'datalek-audit-pack';
export const PACK_FORMAT_VERSION = 1;

export interface FileDigest {
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof PACK_FORMAT;
  version: typeof PACK_FORMAT_VERSION;
  tool: { name: string; version: string };
  /** The pack's fixed date (also every entry's date in the zip), ISO-8601 UTC. */
  created: string;
  selection: unknown;
  files: Record<string, FileDigest>;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function digest(bytes: Uint8Array): FileDigest {
  return { sha256: sha256(bytes), bytes: bytes.byteLength };
}

/** The files record of a manifest, sorted by path. */
export function digestFiles(files: ReadonlyMap<string, Uint8Array>): Record<string, FileDigest> {
  const out: Record<string, FileDigest> = {};
  for (const name of [...files.keys()].sort(compareText)) out[name] = digest(files.get(name)!);
  return out;
}

export type ParsedManifest = { ok: true; manifest: Manifest } | { ok: false; problem: string };

/** Reads manifest.json, checking its shape; every problem is named. */
export function parseManifest(bytes: Uint8Array): ParsedManifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return { ok: false, problem: `it is not valid JSON (${(e as Error).message})` };
  }
  const m = value as Partial<Manifest> | null;
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return { ok: false, problem: 'it is not a JSON object' };
  if (m.format !== PACK_FORMAT) return { ok: false, problem: `its format is ${JSON.stringify(m.format)}, not "${PACK_FORMAT}"` };
  if (m.version !== PACK_FORMAT_VERSION) return { ok: false, problem: `its version is ${JSON.stringify(m.version)}; this datalek reads version ${PACK_FORMAT_VERSION}` };
  if (m.files === null || typeof m.files !== 'object' || Array.isArray(m.files)) return { ok: false, problem: 'it has no "files" object' };
  for (const [name, d] of Object.entries(m.files)) {
    const ok = d !== null && typeof d === 'object' && typeof d.sha256 === 'string' && /^[0-9a-f]{64}$/.test(d.sha256) && Number.isInteger(d.bytes) && d.bytes >= 0;
    if (!ok) return { ok: false, problem: `its entry for "${name}" is not { sha256: 64 hex digits, bytes: a whole number }` };
    if (name === MANIFEST_PATH) return { ok: false, problem: `it lists itself ("${MANIFEST_PATH}")` };
  }
  return { ok: true, manifest: m as Manifest };
}

export interface ChangedFile {
  path: string;
  expected: FileDigest;
  actual: FileDigest;
}

export interface VerifyReport {
  /** True when the zip holds exactly the files of its manifest, byte for byte. */
  ok: boolean;
  /** Set when the file is not a (readable) zip; nothing else could be checked. */
  notZip: string | null;
  manifest: {
    status: 'ok' | 'missing' | 'damaged';
    problem: string | null;
    tool: string | null;
    created: string | null;
    selection: unknown;
  };
  /** Files whose content matches the manifest. */
  matching: number;
  changed: ChangedFile[];
  missing: string[];
  added: string[];
  damaged: Array<{ path: string; reason: string }>;
  /** Names the zip holds more than once: which copy a tool extracts is not defined. */
  duplicates: string[];
}

export function verifyPack(bytes: Uint8Array): VerifyReport {
  const report: VerifyReport = {
    ok: false,
    notZip: null,
    manifest: { status: 'missing', problem: null, tool: null, created: null, selection: null },
    matching: 0,
    changed: [],
    missing: [],
    added: [],
    damaged: [],
    duplicates: [],
  };
  const zip = readZip(bytes);
  if (!zip.ok) {
    report.notZip = zip.reason;
    return report;
  }
  report.duplicates = zip.duplicates;
  const manifestEntry = zip.entries.get(MANIFEST_PATH);
  let manifest: Manifest | undefined;
  if (!manifestEntry) {
    report.manifest.problem = `the zip holds no ${MANIFEST_PATH}`;
  } else if (!manifestEntry.bytes) {
    report.manifest = { ...report.manifest, status: 'damaged', problem: manifestEntry.error ?? 'it cannot be read' };
  } else {
    const parsed = parseManifest(manifestEntry.bytes);
    if (!parsed.ok) {
      report.manifest = { ...report.manifest, status: 'damaged', problem: parsed.problem };
    } else {
      manifest = parsed.manifest;
      const tool = manifest.tool && typeof manifest.tool === 'object' ? `${String(manifest.tool.name)} ${String(manifest.tool.version)}` : null;
      report.manifest = { status: 'ok', problem: null, tool, created: typeof manifest.created === 'string' ? manifest.created : null, selection: manifest.selection ?? null };
    }
  }
  for (const [name, entry] of zip.entries) {
    if (name === MANIFEST_PATH) continue;
    const expected = manifest?.files[name];
    if (manifest && !Object.hasOwn(manifest.files, name)) {
      report.added.push(name);
      continue;
    }
    if (!entry.bytes) {
      report.damaged.push({ path: name, reason: entry.error ?? 'it cannot be read' });
      continue;
    }
    if (!expected) continue; // no manifest to compare with
    const actual = digest(entry.bytes);
    if (actual.sha256 === expected.sha256 && actual.bytes === expected.bytes) report.matching++;
    else report.changed.push({ path: name, expected: { sha256: expected.sha256, bytes: expected.bytes }, actual });
  }
  if (manifest) report.missing = Object.keys(manifest.files).filter((name) => !zip.entries.has(name)).sort(compareText);
  report.ok =
    report.manifest.status === 'ok' &&
    report.changed.length === 0 &&
    report.missing.length === 0 &&
    report.added.length === 0 &&
    report.damaged.length === 0 &&
    report.duplicates.length === 0;
  return report;
}
