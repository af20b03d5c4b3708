/**
 * Plain code-unit comparison of strings, independent of the locale: the same order on every
 * machine, for sorting paths, ids and keys wherever output must not depend on where it runs.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
