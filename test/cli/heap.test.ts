/**
 * The command line keeps V8 from letting garbage pile up (src/cli/heap.ts): after each full
 * collection it sets V8's growing factor, at run time, so the heap grows by about a budget of
 * megabytes. growingPercent is checked by table; limitHeapGrowth in two fresh Node processes,
 * since V8 does not promise to honour a flag set after it started: with a live set of about
 * 100 MB and garbage that lives long enough to reach the old generation, the heap must peak far
 * lower with the budget than without.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { growingPercent, limitHeapGrowth } from '../../src/cli/heap.js';

const MB = 1024 * 1024;
const HEAP_MODULE = pathToFileURL(path.resolve(__dirname, '../../dist/cli/heap.js')).href;

const SCRIPT = `
if (process.argv[1] === 'limit') (await import(${JSON.stringify(HEAP_MODULE)})).limitHeapGrowth(8);
const live = [];
for (let i = 0; i < 1000000; i++) live.push({ i, s: 'live ' + i });
const ring = new Array(4);
let max = 0;
for (let round = 0; round < 300; round++) {
  const chunk = [];
  for (let j = 0; j < 40000; j++) chunk.push({ j, round, t: 'chunk ' + j });
  ring[round % ring.length] = chunk;
  max = Math.max(max, process.memoryUsage().heapUsed);
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(String(max));
`;

function peakHeap(mode: 'limit' | 'default'): number {
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, mode], { encoding: 'utf8' }));
}

describe('growingPercent', () => {
  it.each([
    // live, budget, percent: V8 decides (0) while the budget allows more than its own 300%
    [10 * MB, 128 * MB, 0],
    [42 * MB, 128 * MB, 0],
    [43 * MB, 128 * MB, 297],
    [64 * MB, 128 * MB, 200],
    [230 * MB, 128 * MB, 55],
    [1000 * MB, 128 * MB, 12],
    [5000 * MB, 128 * MB, 10], // never below 10%
    [0, 128 * MB, 0],
  ])('live %d bytes, budget %d bytes: %d%%', (live, budget, percent) => {
    expect(growingPercent(live, budget)).toBe(percent);
  });
});

describe('limitHeapGrowth', () => {
  it('makes V8 collect the old generation before garbage piles up', () => {
    const capped = peakHeap('limit');
    const uncapped = peakHeap('default');
    // Measured: about 108 MB against 230 MB.
    expect(capped).toBeLessThan(uncapped * 0.7);
  }, 60_000);

  it('refuses a budget that is not a positive number of megabytes', () => {
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => limitHeapGrowth(bad)).toThrow(RangeError);
  });
});
