/**
 * Precompiled validators for the project's own schemas: a yes/no check of valid files without
 * compiling anything at run time.
 *
 * Compiling a schema with ajv costs about 0.15 s for the incident schema (0.08 s for the pack
 * schema), in every command, even for one valid file. ajv can write a compiled validator out as
 * code ("standalone validation code"): `npm run build` does that for schemas/*.schema.json into
 * dist/validate/compiled/<kind>.cjs (scripts/precompile-schemas.mjs, with precompile.ts).
 * checkSchema runs that code first; only a value it rejects goes on to the compiled engine, which
 * finds and explains every problem (see schema.ts).
 *
 * Each generated file carries the SHA-256 of the schema it was made from, and is used only for
 * that schema: an edited schema without a new build, a schema of the caller's, or no build at
 * all just means compiling at run time, as before. The code is found from src/ as from dist/
 * (both sit two levels below the package root), so the tests run it too.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** The schemas `npm run build` precompiles: schemas/<kind>.schema.json. */
export const PRECOMPILED_KINDS = ['incident', 'organisation', 'pack'] as const;
export type PrecompiledKind = (typeof PRECOMPILED_KINDS)[number];

/** Where the generated file for a kind lives, relative to the package root. */
export function precompiledFile(kind: PrecompiledKind): string {
  return `dist/validate/compiled/${kind}.cjs`;
}

/** The SHA-256 that ties a generated validator to its schema. */
export function schemaHash(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

const loaded = new WeakMap<object, ValidateFunction | null>();
/** The default schema objects, by kind, as registered by registerDefaultSchema. */
const defaults = new Map<object, PrecompiledKind>();

/** Mark `schema` as the default schema of `kind`: the one a generated validator may stand for. */
export function registerDefaultSchema(kind: PrecompiledKind, schema: object): void {
  defaults.set(schema, kind);
}

/**
 * The generated validator for `schema`, or undefined when there is none for it: not one of the
 * registered default schemas, no build, or a build made from another version of the schema.
 */
export function precompiledValidator(schema: object): ValidateFunction | undefined {
  const known = loaded.get(schema);
  if (known !== undefined) return known ?? undefined;
  let found: ValidateFunction | null = null;
  const kind = defaults.get(schema);
  if (kind !== undefined) {
    try {
      // src/validate/ and dist/validate/ both sit two levels below the package root.
      const mod = require(`../../${precompiledFile(kind)}`) as ValidateFunction & { schemaHash?: unknown; default?: ValidateFunction };
      const fn = mod.default ?? mod;
      if (typeof fn === 'function' && mod.schemaHash === schemaHash(schema)) found = fn;
    } catch {
      found = null; // not built: compile at run time
    }
  }
  loaded.set(schema, found);
  return found ?? undefined;
}
