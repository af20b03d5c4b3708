/**
 * Loading one template pack on its own, as the federation layer over the built-in default (IO),
 * for `datalek templates check <pack>` and `datalek templates diff <old> <new>`.
 *
 * A pack is named like `extends` names it: a folder (relative to the current folder here, as on
 * any command line) or an installed npm package (`<project root>/node_modules/<name>`), each
 * optionally with `@range`. The chain is loaded by the same `loadPackChain` as an office's, under
 * a stand-in organisation without files, which is then left out of the chain: so the pack is
 * checked exactly as an office extending it would see it, minus the office's own overrides.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadPackChain, splitSpec, type PackChain } from './index.js';
import type { Diagnostic } from '../model/diagnostic.js';

export interface LoadedPack {
  ok: boolean;
  /** The chain without the stand-in organisation: the pack first, the default last. */
  chain?: PackChain;
  diagnostics: Diagnostic[];
  /** The spec handed to loadPackChain (folders made absolute). */
  spec: string;
}

export interface PackSourceOptions {
  projectRoot: string;
  cwd: string;
  /** The language the documents are asked in (fallback warnings); default nl. */
  language?: string;
}

const STAND_IN = '.datalek-pack-check';

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** A folder given on the command line becomes absolute; anything else (a package name) stays. */
export async function resolvePackSpec(given: string, cwd: string): Promise<string> {
  const { target, range } = splitSpec(given);
  const abs = path.resolve(cwd, target);
  if (await isDir(abs)) return range === undefined ? abs : `${abs}@${range}`;
  return given;
}

export async function loadPack(given: string, opts: PackSourceOptions): Promise<LoadedPack> {
  const projectRoot = path.resolve(opts.projectRoot);
  const spec = await resolvePackSpec(given, opts.cwd);
  const organisationDir = path.join(projectRoot, STAND_IN);
  const result = await loadPackChain({
    projectRoot,
    organisationDir,
    organisation: { id: STAND_IN.slice(1), language: opts.language ?? 'nl', extends: spec },
  });
  // Problems "in" the stand-in's organisation.yaml are about the pack named on the command line.
  const standIn = path.relative(projectRoot, path.join(organisationDir, 'organisation.yaml')).split(path.sep).join('/');
  const diagnostics = result.diagnostics.map((d) => (d.file === standIn ? { ...d, file: given, line: 0, column: 0, field: '' } : d));
  if (!result.ok) return { ok: false, diagnostics, spec };
  const chain: PackChain = { ...result.chain, layers: result.chain.layers.filter((l) => l.kind !== 'organisation') };
  return { ok: true, chain, diagnostics, spec };
}
