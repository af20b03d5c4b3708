/** "Did you mean ...?" by edit distance. */

/** Optimal string alignment distance (Levenshtein plus swapped neighbours). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '_');

/** The closest candidate, if it is close enough to be a likely typo; never the input itself. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 200) return undefined;
  const n = norm(input);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === input) continue;
    const nc = norm(c);
    // Same word in other case or with spaces/dashes instead of underscores: certainly meant.
    const d = nc === n ? 0 : editDistance(n, nc);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  // Short codes (NL, BE, AP) differ by one letter from each other: only a case slip counts there.
  const shortest = Math.min(input.length, best.length);
  const limit = shortest <= 3 ? 0 : Math.max(1, Math.floor(shortest / 3));
  if (bestScore <= limit) return best;
  // A prefix of a long name ("availability_los" for "availability_loss", "confidential" for "confidentiality").
  const nb = norm(best);
  if (n.length >= 4 && (nb.startsWith(n) || n.startsWith(nb))) return best;
  for (const c of candidates) {
    const nc = norm(c);
    if (n.length >= 4 && (nc.startsWith(n) || n.startsWith(nc))) return c;
  }
  return undefined;
}
