/**
 * Validation: a pure function from source texts to typed incidents and organisations, or
 * diagnostics. No file system (schemas are modules of the package), no clock (`now` comes in),
 * no printing.
 *
 * Per file: YAML (syntax, duplicate keys, aliases) -> JSON Schema -> then the rules across
 * fields and files, on the files that passed the schema. Every problem of every file is
 * collected in one run. A file with an error is left out of the result lists; a file with only
 * warnings is kept.
 */
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Incident } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { compareDiagnostics } from '../diagnostics/format.js';
import type { SourceFile, SourceKind } from '../load/sources.js';
import { checkSchema } from './schema.js';
import { defaultSchema, schemaFile } from './schemas.js';
import { parseSource, schemaComment } from './yaml.js';
import { checkTexts } from './text.js';
import { RULES } from './rules/index.js';
import { defaultZone, type Checked, type Rule, type RuleContext } from './rules/types.js';

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
}

export { RULES };
export type { Rule, RuleContext, Checked };

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Warn when the editor modeline points at another schema than the file's own. */
function checkSchemaComment(source: SourceFile): Diagnostic[] {
  const found = schemaComment(source.text);
  if (!found || /^[a-z][a-z0-9+.-]*:/i.test(found)) return []; // absent, or a URL
  const expectedTarget = schemaFile(source.kind);
  const dir = path.posix.dirname(source.file);
  const target = path.posix.normalize(path.posix.join(dir, found));
  if (target === expectedTarget) return [];
  const expected = path.posix.relative(dir, expectedTarget);
  const line = source.text.split(/\r\n?|\n/).findIndex((l) => l.includes('yaml-language-server')) + 1;
  return [makeDiagnostic('DL-YAML-SCHEMA-COMMENT', { file: source.file, line, column: 1 }, { found, expected })];
}

/** More problems than anyone reads in one file (a file of 20,000 unknown fields gives 20,000). */
export const MAX_PROBLEMS_PER_FILE = 100;

/** The first MAX_PROBLEMS_PER_FILE problems of one file, in file order, and one line saying how many more there are. */
function capped(list: Diagnostic[]): Diagnostic[] {
  if (list.length <= MAX_PROBLEMS_PER_FILE) return list;
  const sorted = [...list].sort(compareDiagnostics);
  const shown = sorted.slice(0, MAX_PROBLEMS_PER_FILE);
  const hidden = sorted.slice(MAX_PROBLEMS_PER_FILE);
  const last = shown[shown.length - 1]!;
  const more = makeDiagnostic('DL-SCHEMA-TOO-MANY-PROBLEMS', { file: last.file, line: last.line, column: last.column }, { count: hidden.length });
  // An error when errors are among those left out (almost always); a warning otherwise.
  if (!hidden.some((d) => d.severity === 'error')) more.severity = 'warning';
  return [...shown, more];
}

export function validateSources(sources: readonly SourceFile[], opts: ValidateOptions): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const schemaFor = (kind: SourceKind) => opts.schemas?.[kind] ?? defaultSchema(kind);
  const incidents: Checked<Incident>[] = [];
  const organisations: Checked<Organisation>[] = [];
  const organisationFolders = new Set<string>();

  for (const source of [...sources].sort(byFile)) {
    if (source.kind === 'organisation') {
      const m = /^templates\/([^/]+)\//.exec(source.file);
      if (m) organisationFolders.add(m[1]!);
    }
    const found: Diagnostic[] = [...checkSchemaComment(source)];
    const parsed = parseSource(source.file, source.text);
    found.push(...parsed.diagnostics);
    if (!parsed.ok) {
      diagnostics.push(...capped(found));
      continue;
    }
    const { value, locate } = parsed.parsed;
    const problems = checkSchema(schemaFor(source.kind), value, source.file, locate);
    problems.push(...checkTexts(value, source.file, locate, new Set(problems.map((d) => d.field))));
    found.push(...problems);
    diagnostics.push(...capped(found));
    if (found.some((d) => d.severity === 'error')) continue;
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
