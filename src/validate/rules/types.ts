/**
 * Cross-field and cross-file rules: small named functions over the files that passed the schema.
 * Each returns Diagnostic[] pointing at the field concerned. Rules must not throw; the runner
 * turns a throw into DL-INTERNAL-RULE so one faulty rule never hides the others' findings.
 *
 * Rules read the data defensively (optional chaining everywhere): the schema is maintained
 * separately and may be looser than the TypeScript model.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Incident } from '../../model/incident.js';
import type { Organisation } from '../../model/organisation.js';
import { makeDiagnostic, type DiagnosticCode, type Params } from '../../diagnostics/catalogue.js';
import { formatField, type FieldPath } from '../paths.js';
import type { Anchor, Locate } from '../yaml.js';
import { DEFAULT_ZONE, isValidZone } from '../time.js';

/** A file that passed the schema, with a way back to its source positions. */
export interface Checked<T> {
  file: string;
  data: T;
  locate: Locate;
}

export interface RuleContext {
  incidents: readonly Checked<Incident>[];
  organisations: readonly Checked<Organisation>[];
  /** Folder names under templates/ that hold an organisation file, valid or not. */
  organisationFolders: ReadonlySet<string>;
  now: Date;
  /** The organisation an incident belongs to, when known and valid. */
  organisationOf(incident: Incident): Checked<Organisation> | undefined;
  /** IANA zone in which plain dates of this incident are read. */
  zoneOf(incident: Incident): string;
}

export interface Rule {
  /** Stable kebab-case name. */
  name: string;
  /** One line: what the rule checks and why. */
  description: string;
  check(ctx: RuleContext): Diagnostic[];
}

/** A diagnostic about a field of a checked file. */
export function report(code: DiagnosticCode, item: Checked<unknown>, path: FieldPath, params: Params = {}, anchor: Anchor = 'value'): Diagnostic {
  const pos = item.locate(path, anchor);
  return makeDiagnostic(code, { file: item.file, line: pos.line, column: pos.column, field: formatField(path) }, params);
}

/** A rule that looks at one incident at a time. */
export function incidentRule(
  name: string,
  description: string,
  check: (item: Checked<Incident>, ctx: RuleContext) => Diagnostic[],
): Rule {
  return { name, description, check: (ctx) => ctx.incidents.flatMap((item) => check(item, ctx)) };
}

/** A rule that looks at one organisation at a time. */
export function organisationRule(
  name: string,
  description: string,
  check: (item: Checked<Organisation>, ctx: RuleContext) => Diagnostic[],
): Rule {
  return { name, description, check: (ctx) => ctx.organisations.flatMap((item) => check(item, ctx)) };
}

export function defaultZone(org: Organisation | undefined): string {
  if (org?.time_zone && isValidZone(org.time_zone)) return org.time_zone;
  return org?.country === 'BE' ? 'Europe/Brussels' : DEFAULT_ZONE;
}

export const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
