/**
 * JSON as it goes into an audit pack (pure): keys sorted at every level (plain code-unit order,
 * the same on every machine), two-space indent, a trailing newline. The same value always gives
 * the same bytes, whatever order the code that built it happened to add its keys in.
 */
import { compareText } from '../compare-text.js';

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareText)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}
