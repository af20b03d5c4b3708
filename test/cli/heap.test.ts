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

const COLLECT_SCRIPT = `
const heap = await import(${JSON.stringify(HEAP_MODULE)});
if (process.argv[1] === 'limit') heap.limitHeapGrowth();
let held = [];
for (let i = 0; i < 2500000; i++) held.push({ i, s: 'garbage ' + i });
held = null; // about 250 MB that only a full collection frees
const before = process.memoryUsage().heapUsed;
heap.collectGarbage();
process.stdout.write(JSON.stringify({ before, after: process.memoryUsage().heapUsed }));
`;

function collected(mode: 'limit' | 'default'): { before: number; after: number } {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', COLLECT_SCRIPT, mode], { encoding: 'utf8' })) as { before: number; after: number };
}

// Start-up with a small heap, whose full collection the observer sees (it then allows a large
// factor), then one long synchronous stretch, as loading thousands of files is: a live set that
// grows, and garbage that lives long enough to reach the old generation. The observer cannot run
// in there; collectIfGrown at checkpoints must keep the heap near what is alive.
const CHECKPOINT_SCRIPT = `
const v8 = await import('node:v8');
const heap = await import(${JSON.stringify(HEAP_MODULE)});
heap.limitHeapGrowth(8);
let warm = [];
for (let i = 0; i < 300000; i++) warm.push({ i, s: 'warm ' + i });
warm = null;
heap.collectGarbage();
await new Promise((resolve) => setTimeout(resolve, 50));
const live = [];
const ring = new Array(4);
let max = 0;
for (let round = 0; round < 120; round++) {
  for (let j = 0; j < 3000; j++) live.push({ round, j, s: 'live ' + j });
  const chunk = [];
  for (let j = 0; j < 40000; j++) chunk.push({ j, round, t: 'chunk ' + j });
  ring[round % ring.length] = chunk;
  if (process.argv[1] === 'checkpoints') heap.collectIfGrown();
  max = Math.max(max, v8.getHeapStatistics().used_heap_size);
}
process.stdout.write(String(max));
`;

function peakInStretch(mode: 'checkpoints' | 'none'): number {
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', CHECKPOINT_SCRIPT, mode], { encoding: 'utf8' }));
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

  it('collectGarbage frees the garbage of a long synchronous stretch, only when the heap is managed', () => {
    const managed = collected('limit');
    expect(managed.before).toBeGreaterThan(200 * MB);
    expect(managed.after).toBeLessThan(managed.before * 0.3);
    // Without limitHeapGrowth (a library host) it leaves the heap alone.
    const host = collected('default');
    expect(host.before).toBeGreaterThan(200 * MB);
    expect(host.after).toBeGreaterThan(host.before * 0.9);
  }, 60_000);

  it('refuses a budget that is not a positive number of megabytes', () => {
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => limitHeapGrowth(bad)).toThrow(RangeError);
  });

  it('collectIfGrown keeps a long synchronous stretch near its live set', () => {
    const checked = peakInStretch('checkpoints');
    const unchecked = peakInStretch('none');
    // Measured (300 rounds): about 103 MB against 264 MB.
    expect(checked).toBeLessThan(unchecked * 0.7);
  }, 60_000);
});
