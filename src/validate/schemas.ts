/**
 * The project's own JSON Schemas (schemas/*.schema.json at the package root), loaded once on first
 * use like any other module of the package. The same files drive editors through the
 * `# yaml-language-server: $schema=...` line at the top of every incident.
 */
import { createRequire } from 'node:module';
import type { SourceKind } from '../load/sources.js';
import { registerDefaultSchema } from './precompiled.js';

const require = createRequire(import.meta.url);
const cache = new Map<SourceKind, object>();

/** The schema file could not be found or parsed: a packaging fault, not the user's. */
export class SchemaUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaUnavailableError';
  }
}

/** Path of a kind's schema relative to the project root, e.g. "schemas/incident.schema.json". */
export function schemaFile(kind: SourceKind): string {
  return `schemas/${kind}.schema.json`;
}

export function defaultSchema(kind: SourceKind): object {
  let s = cache.get(kind);
  if (!s) {
    try {
      // src/validate/ and dist/validate/ both sit two levels below the package root.
      s = require(`../../${schemaFile(kind)}`) as object;
    } catch (err) {
      throw new SchemaUnavailableError(`cannot load ${schemaFile(kind)}: ${(err as Error).message}`, { cause: err });
    }
    registerDefaultSchema(kind, s);
    cache.set(kind, s);
  }
  return s;
}
