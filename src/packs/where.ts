/** Paths and positions for diagnostics about packs. Pure. */
import path from 'node:path';
import type { PackChain, PackLayer } from './types.js';

/** Relative to the project root with forward slashes when inside it; otherwise absolute. */
export function displayPath(projectRoot: string, abs: string): string {
  const rel = path.relative(projectRoot, abs);
  if (rel === '') return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

/**
 * Where a field of a layer's pack.yaml is: its file and line/column; for a field the file does not
 * have, the nearest enclosing one that it has; line 0 when the layer has no pack.yaml.
 */
export function layerPosition(chain: Pick<PackChain, 'projectRoot'>, layer: PackLayer, field: string): { file: string; line: number; column: number } {
  const file = displayPath(chain.projectRoot, layer.manifestFile ?? layer.dir);
  if (!layer.manifestFile) return { file, line: 0, column: 0 };
  let key = field;
  for (;;) {
    const pos = layer.positions[key];
    if (pos) return { file, line: pos.line, column: pos.column };
    const dot = key.lastIndexOf('.');
    if (dot < 0) return { file, line: 0, column: 0 };
    key = key.slice(0, dot);
  }
}
