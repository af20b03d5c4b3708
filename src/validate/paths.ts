/** Paths into a YAML/JSON value: JSON pointers in, readable field paths out. */

export type Segment = string | number;
export type FieldPath = readonly Segment[];

/** "/a/b~1c/0" -> ['a', 'b/c', '0'] (all strings; see `typedPath` for list indexes). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Turn string segments into numbers where the value at that point is a list. */
export function typedPath(segments: readonly string[], root: unknown): Segment[] {
  const out: Segment[] = [];
  let cur: unknown = root;
  for (const s of segments) {
    if (Array.isArray(cur) && /^(0|[1-9]\d*)$/.test(s)) {
      const i = Number(s);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(s);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[s] : undefined;
    }
  }
  return out;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** ['measures', 'taken', 2] -> "measures.taken[2]"; odd keys are quoted: a["x y"]. */
export function formatField(path: FieldPath): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** The value at a path of a plain JS value, or undefined. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let cur = root;
  for (const s of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}
