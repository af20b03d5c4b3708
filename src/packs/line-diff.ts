/** A line diff (pure): longest common subsequence, small inputs (templates of a few hundred lines). */

export type DiffOp = { op: 'same' | 'add' | 'remove'; line: string };

/** Above this many lines on both sides multiplied, fall back to a cheap prefix/suffix diff. */
const MAX_CELLS = 4_000_000;

export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  // Common prefix and suffix first: most edits are local.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffOp[] = a.slice(0, start).map((line) => ({ op: 'same', line }));
  const tail: DiffOp[] = a.slice(endA).map((line) => ({ op: 'same', line }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  let middle: DiffOp[];
  if (x.length * y.length > MAX_CELLS) {
    middle = [...x.map((line) => ({ op: 'remove' as const, line })), ...y.map((line) => ({ op: 'add' as const, line }))];
  } else {
    // lcs[i][j] = length of the LCS of x[i..] and y[j..]
    const w = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    middle = [];
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        middle.push({ op: 'same', line: x[i]! });
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
        middle.push({ op: 'remove', line: x[i]! });
        i++;
      } else {
        middle.push({ op: 'add', line: y[j]! });
        j++;
      }
    }
    while (i < x.length) middle.push({ op: 'remove', line: x[i++]! });
    while (j < y.length) middle.push({ op: 'add', line: y[j++]! });
  }
  return [...head, ...middle, ...tail];
}

export interface DiffSummary {
  /** Lines only in the new text. */
  added: number;
  /** Lines only in the old text. */
  removed: number;
  /** The changed lines, `- old` / `+ new`, in order. */
  lines: string[];
}

export function summariseDiff(ops: readonly DiffOp[]): DiffSummary {
  const lines: string[] = [];
  let added = 0;
  let removed = 0;
  for (const o of ops) {
    if (o.op === 'add') {
      added++;
      lines.push(`+ ${o.line}`);
    } else if (o.op === 'remove') {
      removed++;
      lines.push(`- ${o.line}`);
    }
  }
  return { added, removed, lines };
}

/**
 * For showing a changed long line: both versions cut down to the part that differs, with some
 * words of context either side ("… houden wij ons aan de gedragscode …").
 */
export function focusChange(a: string, b: string, context = 30): [string, string] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // Widen to whole words, then add the context.
  const from = Math.max(0, a.lastIndexOf(' ', Math.max(0, start - context)) + 1);
  const cut = (s: string, end: number): string => {
    const toIdx = s.indexOf(' ', Math.min(s.length, end + context));
    const to = toIdx < 0 ? s.length : toIdx;
    return `${from > 0 ? '… ' : ''}${s.slice(from, to)}${to < s.length ? ' …' : ''}`;
  };
  return [cut(a, endA), cut(b, endB)];
}

/** Pairs of `- old` / `+ new` lines shown as their changed parts; other lines as they are. */
export function focusLines(lines: readonly string[], context = 30): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let r = i;
    while (r < lines.length && lines[r]!.startsWith('- ')) r++;
    let n = r;
    while (n < lines.length && lines[n]!.startsWith('+ ')) n++;
    const removed = lines.slice(i, r);
    const added = lines.slice(r, n);
    if (removed.length > 0 && removed.length === added.length) {
      for (let k = 0; k < removed.length; k++) {
        const [x, y] = focusChange(removed[k]!.slice(2), added[k]!.slice(2), context);
        out.push(`- ${x}`);
        out.push(`+ ${y}`);
      }
      i = n;
    } else if (n > i) {
      out.push(...removed, ...added);
      i = n;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return out;
}
