/** Command-line parsing: node's own parseArgs, with usage errors as data. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  readonly code = 'DL-USAGE';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  multiple?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  root: { type: 'string', description: 'project folder holding incidents/ and templates/ (default: the current folder)' },
  now: { type: 'string', description: 'pretend the current moment is this ISO instant (for reproducible output)' },
  verbose: { type: 'boolean', short: 'v', description: 'show more detail, including internal error traces' },
  help: { type: 'boolean', short: 'h', description: 'show help for this command' },
};

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(spec: CommandSpec, argv: string[]): Parsed {
  const options = { ...COMMON_OPTIONS, ...spec.options };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}\n\n${helpText(spec)}`);
  }
}

export function helpText(spec: CommandSpec): string {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  const flags = Object.entries(options).map(([k, o]) => [`${o.short ? `-${o.short}, ` : '    '}--${k}${o.type === 'string' ? ' <value>' : ''}`, o.description] as const);
  const width = Math.min(34, Math.max(...flags.map(([f]) => f.length)));
  const lines = flags.map(([flag, description]) =>
    flag.length > width ? `  ${flag}\n  ${' '.repeat(width)} ${description}` : `  ${flag.padEnd(width)} ${description}`,
  );
  return `Usage: datalek ${spec.usage}\n\n${spec.summary}\n\nOptions:\n${lines.join('\n')}`;
}

/** Parses --now, or returns the real clock. The clock is read here, at the edge, never in the core. */
export function nowFrom(values: Parsed['values']): Date {
  const raw = values['now'];
  if (typeof raw !== 'string') return new Date();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) || Number.isNaN(Date.parse(raw)) || !onTheCalendar(raw)) {
    throw new UsageError(`--now must be a date and time with its UTC offset, e.g. 2026-11-22T09:00:00+01:00 (got "${raw}")`);
  }
  return new Date(raw);
}

/**
 * True when the date and time of an ISO instant exist as written. Date.parse rolls impossible
 * dates over ("2026-02-31" becomes 3 March), which would silently shift --now by days.
 */
function onTheCalendar(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?[^Z+-]*(?:Z|[+-](\d{2}):(\d{2}))$/.exec(iso);
  if (!m) return false;
  const [y, mo, d, h, mi, s = 0, oh = 0, om = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const t = new Date(0);
  t.setUTCFullYear(y!, mo! - 1, d!);
  t.setUTCHours(h!, mi!, s);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo! - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s && oh <= 23 && om <= 59;
}
