/**
 * Text still to be filled in: `datalek new` marks what only a person can know with PLACEHOLDER
 * ("[in te vullen]"). The file validates as it stands, so that it can be triaged at once; this
 * rule keeps the marker visible as a warning, at every value that still holds it, until it is
 * replaced.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { PLACEHOLDER } from '../../incident/new-incident.js';
import { formatField, type Segment } from '../paths.js';
import { report, type Checked, type Rule } from './types.js';

/** Every path (in document order) whose string value contains the marker. */
export function placeholderPaths(value: unknown, marker: string = PLACEHOLDER): Segment[][] {
  const found: Segment[][] = [];
  const walk = (v: unknown, path: Segment[], depth: number): void => {
    if (depth > 64) return; // parsed YAML is a tree of bounded depth; this is a guard only
    if (typeof v === 'string') {
      if (v.includes(marker)) found.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i], depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) walk(item, [...path, k], depth + 1);
    }
  };
  walk(value, [], 0);
  return found;
}

function check(item: Checked<unknown>): Diagnostic[] {
  return placeholderPaths(item.data).map((path) =>
    report('DL-RULE-PLACEHOLDER', item, path, { field: formatField(path) || 'the file', marker: PLACEHOLDER }),
  );
}

export const placeholdersFilledIn: Rule = {
  name: 'placeholders-filled-in',
  description: `No text still holds the marker ${PLACEHOLDER} that \`datalek new\` puts where a person must fill in (warning).`,
  check: (ctx) => [...ctx.incidents.flatMap(check), ...ctx.organisations.flatMap(check)],
};
