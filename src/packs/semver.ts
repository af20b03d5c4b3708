/**
 * A small semantic-version range check, enough for `extends: name@range` in template packs.
 * Pure. (The `semver` package is only present as a transitive dependency, so we do not rely on it.)
 *
 * Versions: MAJOR.MINOR.PATCH with an optional `-prerelease` and `+build` (build ignored).
 * Ranges, as npm writes them:
 *   exact        1.2.3  =1.2.3  v1.2.3
 *   partial      1.2  1  1.x  1.2.*  *  x  ""    (any version in that part)
 *   caret        ^1.2.3 (>=1.2.3 <2.0.0), ^0.2.3 (<0.3.0), ^0.0.3 (<0.0.4), ^1 ^1.2
 *   tilde        ~1.2.3 (>=1.2.3 <1.3.0), ~1 (<2.0.0)
 *   comparators  >1.2.3  >=1.2.3  <2  <=2.1  combined with spaces (and)
 *   hyphen       1.2.3 - 2.0.0
 *   alternatives a || b
 * Prereleases follow npm: 1.3.0-beta.1 satisfies a range only when one of its comparators names a
 * prerelease of the same 1.3.0 (so ^1.2.0 does not pick up 1.3.0-beta.1).
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** The version, or undefined when it is not a full semantic version. */
export function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  const pre = m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: pre };
}

function comparePre(a: (string | number)[], b: (string | number)[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length === 0) return 1; // a release is higher than its prereleases
  if (b.length === 0) return -1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.prerelease, b.prerelease);
}

type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  v: Version;
}

/** A partial version: missing or wildcard parts are undefined. */
interface Partial {
  major?: number;
  minor?: number;
  patch?: number;
  prerelease: (string | number)[];
}

const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*])(?:\.(\d+|[xX*])(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]+)?)?)?$/;

function parsePartial(text: string): Partial | undefined {
  if (text === '' || text === '*' || text === 'x' || text === 'X') return { prerelease: [] };
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  const num = (s: string | undefined): number | undefined => (s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s));
  const p: Partial = { prerelease: m[4] ? m[4].split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)) : [] };
  const major = num(m[1]);
  const minor = major === undefined ? undefined : num(m[2]);
  const patch = minor === undefined ? undefined : num(m[3]);
  if (major !== undefined) p.major = major;
  if (minor !== undefined) p.minor = minor;
  if (patch !== undefined) p.patch = patch;
  return p;
}

const v = (major: number, minor: number, patch: number, prerelease: (string | number)[] = []): Version => ({ major, minor, patch, prerelease });
const low = (p: Partial): Version => v(p.major ?? 0, p.minor ?? 0, p.patch ?? 0, p.prerelease);

/** Comparators for one simple term; undefined when it does not parse. */
function expand(term: string): Comparator[] | undefined {
  const m = /^(\^|~>?|>=|<=|>|<|=)?\s*(.*)$/.exec(term);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const p = parsePartial(m[2]!);
  if (!p) return undefined;
  const { major, minor, patch } = p;
  if (op === '^') {
    if (major === undefined) return [];
    const from = low(p);
    let to: Version;
    if (major > 0 || minor === undefined) to = v(major + 1, 0, 0, [0]);
    else if (minor > 0 || patch === undefined) to = v(0, minor + 1, 0, [0]);
    else to = v(0, 0, patch + 1, [0]);
    return [{ op: '>=', v: from }, { op: '<', v: to }];
  }
  if (op === '~' || op === '~>') {
    if (major === undefined) return [];
    const to = minor === undefined ? v(major + 1, 0, 0, [0]) : v(major, minor + 1, 0, [0]);
    return [{ op: '>=', v: low(p) }, { op: '<', v: to }];
  }
  if (op === '' || op === '=') {
    if (major === undefined) return [];
    if (minor === undefined) return [{ op: '>=', v: v(major, 0, 0) }, { op: '<', v: v(major + 1, 0, 0, [0]) }];
    if (patch === undefined) return [{ op: '>=', v: v(major, minor, 0) }, { op: '<', v: v(major, minor + 1, 0, [0]) }];
    return [{ op: '=', v: low(p) }];
  }
  // >, >=, <, <= with partial versions, as npm reads them
  if (major === undefined) return op === '<' || op === '>' ? [{ op: '<', v: v(0, 0, 0, [0]) }] : [];
  if (patch !== undefined) return [{ op: op as Op, v: low(p) }];
  const next = minor === undefined ? v(major + 1, 0, 0, [0]) : v(major, minor + 1, 0, [0]);
  switch (op) {
    case '>':
      return [{ op: '>=', v: next }];
    case '>=':
      return [{ op: '>=', v: low(p) }];
    case '<':
      return [{ op: '<', v: v(major, minor ?? 0, 0, [0]) }];
    default: // '<='
      return [{ op: '<', v: next }];
  }
}

/** The range as alternatives of comparator sets; undefined when it does not parse. */
function parseRange(range: string): Comparator[][] | undefined {
  const alternatives: Comparator[][] = [];
  for (const alt of range.trim().split(/\s*\|\|\s*/)) {
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alt.trim());
    if (hyphen) {
      const a = parsePartial(hyphen[1]!);
      const b = parsePartial(hyphen[2]!);
      if (!a || !b) return undefined;
      const upper = b.major === undefined ? [] : (expand(`<=${hyphen[2]!}`) ?? []);
      alternatives.push([...(a.major === undefined ? [] : [{ op: '>=' as Op, v: low(a) }]), ...upper]);
      continue;
    }
    // glue operators to their version: ">= 1.2.3" -> ">=1.2.3"
    const terms = alt.trim().replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter((t) => t !== '');
    const set: Comparator[] = [];
    for (const t of terms) {
      const c = expand(t);
      if (!c) return undefined;
      set.push(...c);
    }
    alternatives.push(set);
  }
  return alternatives;
}

/** Whether the text is a range this module understands. */
export function isValidRange(range: string): boolean {
  return parseRange(range) !== undefined;
}

function test(c: Comparator, version: Version): boolean {
  const d = compareVersions(version, c.v);
  switch (c.op) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    default:
      return d === 0;
  }
}

/**
 * Whether `version` satisfies `range`; undefined when the range does not parse or the version is
 * not a full semantic version.
 */
export function satisfies(version: string, range: string): boolean | undefined {
  const ver = parseVersion(version);
  const alternatives = parseRange(range);
  if (!ver || !alternatives) return undefined;
  return alternatives.some((set) => {
    if (!set.every((c) => test(c, ver))) return false;
    if (ver.prerelease.length === 0) return true;
    // A prerelease only counts when the range names a prerelease of the same version.
    return set.some(
      (c) =>
        c.v.prerelease.length > 0 &&
        !(c.v.prerelease.length === 1 && c.v.prerelease[0] === 0 && c.op === '<') &&
        c.v.major === ver.major &&
        c.v.minor === ver.minor &&
        c.v.patch === ver.patch,
    );
  });
}
