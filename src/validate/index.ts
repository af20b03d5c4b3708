/**
 * Validation: a pure function from source texts to typed incidents and organisations, or
 * diagnostics. No file system (schemas are modules of the package), no clock (`now` comes in),
 * no printing.
 *
 * Per file: YAML (syntax, duplicate keys, aliases) -> JSON Schema -> then the rules across
 * fields and files, on the files that passed the schema. Every problem of every file is
 * collected in one run. A file with an error is left out of the result lists; a file with only
 * warnings is kept.
 *
 * Two halves: the per-file checks (./file-check.ts) depend on one file's path, kind and text
 * and on its schema only, so their results may come from a cache (./file-cache.ts); the rules
 * (./rules) look across fields and files and at `now`, and always run.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Incident } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { compareDiagnostics } from '../diagnostics/format.js';
import type { SourceFile, SourceKind } from '../load/sources.js';
import { defaultSchema } from './schemas.js';
import { checkFile, MAX_PROBLEMS_PER_FILE, type FileCheck } from './file-check.js';
import { FileCheckCache } from './file-cache.js';
import { RULES } from './rules/index.js';
import { defaultZone, type Checked, type Rule, type RuleContext } from './rules/types.js';
import { compareText } from '../compare-text.js';

export interface ValidationResult {
  incidents: { file: string; incident: Incident }[];
  organisations: { file: string; organisation: Organisation }[];
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
}

export interface ValidateOptions {
  /** The moment "now", for rules about the future and overdue duties. */
  now: Date;
  /** Schemas to use instead of schemas/*.schema.json (tests, other packs). */
  schemas?: Partial<Record<SourceKind, object>>;
  /** Rules to run instead of the built-in list. */
  rules?: readonly Rule[];
  /**
   * Results of the per-file checks from earlier runs, and where this run's results go
   * (./file-cache.ts). The result is the same with or without it.
   */
  cache?: FileCheckCache;
  /**
   * Called after every CHECKPOINT_EVERY files: validating a large project is one long synchronous
   * stretch, and the command line uses this to keep its garbage in check (src/cli/heap.ts).
   */
  checkpoint?: () => void;
}

/** Files (or incidents) between two checkpoint calls. */
export const CHECKPOINT_EVERY = 250;

export { RULES, MAX_PROBLEMS_PER_FILE, FileCheckCache, checkFile };
export type { Rule, RuleContext, Checked, FileCheck };

function byFile(a: { file: string }, b: { file: string }): number {
  return compareText(a.file, b.file);
}

/**
 * How many of `sources` the cache holds no result for: files that are new or changed since the
 * cache was written, which validateSources will check again. Cheap (a hash of each text), for a
 * caller that wants to know before validating (the build starts Chromium early when it is not 0).
 */
export function uncachedSources(sources: readonly SourceFile[], cache: FileCheckCache, schemas?: ValidateOptions['schemas']): number {
  let count = 0;
  for (const source of sources) if (!cache.has(source, cache.key(source, schemas?.[source.kind] ?? defaultSchema(source.kind)))) count++;
  return count;
}

export function validateSources(sources: readonly SourceFile[], opts: ValidateOptions): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const schemaFor = (kind: SourceKind) => opts.schemas?.[kind] ?? defaultSchema(kind);
  const incidents: Checked<Incident>[] = [];
  const organisations: Checked<Organisation>[] = [];
  const organisationFolders = new Set<string>();

  let count = 0;
  for (const source of [...sources].sort(byFile)) {
    if (opts.checkpoint && ++count % CHECKPOINT_EVERY === 0) opts.checkpoint();
    if (source.kind === 'organisation') {
      const m = /^templates\/([^/]+)\//.exec(source.file);
      if (m) organisationFolders.add(m[1]!);
    }
    let check: FileCheck;
    if (opts.cache) {
      const schema = schemaFor(source.kind);
      const key = opts.cache.key(source, schema);
      check = opts.cache.get(source, key) ?? opts.cache.put(source, key, checkFile(source, schema));
    } else {
      check = checkFile(source, () => schemaFor(source.kind));
    }
    diagnostics.push(...check.diagnostics);
    if (!check.checked) continue;
    const { value, locate } = check.checked;
    if (source.kind === 'incident') incidents.push({ file: source.file, data: value as Incident, locate });
    else organisations.push({ file: source.file, data: value as Organisation, locate });
  }

  const orgById = new Map<string, Checked<Organisation>>();
  for (const o of organisations) if (typeof o.data?.id === 'string' && !orgById.has(o.data.id)) orgById.set(o.data.id, o);
  const ctx: RuleContext = {
    incidents,
    organisations,
    organisationFolders,
    now: opts.now,
    organisationOf: (incident) => (typeof incident?.organisation === 'string' ? orgById.get(incident.organisation) : undefined),
    zoneOf: (incident) => defaultZone(ctx.organisationOf(incident)?.data),
  };
  for (const rule of opts.rules ?? RULES) {
    try {
      diagnostics.push(...rule.check(ctx));
    } catch (err) {
      diagnostics.push(makeDiagnostic('DL-INTERNAL-RULE', { file: '' }, { rule: rule.name, reason: (err as Error)?.message ?? String(err) }));
    }
  }

  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  return {
    incidents: incidents.filter((i) => !failed.has(i.file)).map((i) => ({ file: i.file, incident: i.data })),
    organisations: organisations.filter((o) => !failed.has(o.file)).map((o) => ({ file: o.file, organisation: o.data })),
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}
