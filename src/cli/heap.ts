/**
 * How much garbage the command line lets V8 keep before a full collection.
 *
 * V8 collects the old generation once it has grown by a factor past what survived the last full
 * collection, and picks that factor itself, up to 4 on a machine with plenty of memory. A build
 * holds its loaded project for the whole run (about 21 kB per incident) and makes garbage fast
 * (templating, PDF transfers). For 10,000 incidents, with about 230 MB alive, V8 let the heap
 * reach 900 MB before collecting, and the build peaked at 1,555 MB of RSS.
 *
 * A fixed cap on the factor is no answer: at 1.3, that build stayed under 560 MB over its first
 * 110 s, but a build of 1,000 incidents then ran 212 full collections instead of 25 and took 25
 * to 40% longer. So the cap is a budget in megabytes: after each full collection, the factor is
 * set so that the heap may grow by about GARBAGE_BUDGET_MB before the next one, and left to V8
 * where V8's own factor stays within that (small projects: nothing changes for them). With a budget
 * of 128 MB, the 10,000-incident build peaked at 736 MB; the 1,000-incident one ran 29 full
 * collections. With 64 MB, the first 60 s of the 10,000-incident build stayed under 551 MB
 * instead of 634 (with collectGarbage below in both); the 1,000-incident build ran 56 full
 * collections instead of 30, 0.64 s of pauses instead of 0.42 s in a build of about 100 s.
 *
 * Loading leaves garbage behind too, and in one synchronous stretch; collectGarbage, called by
 * the build once loading is done, clears it before the first document. Measured at 10,000
 * incidents: the heap went from 340 to 169 MB in 0.19 s, and the first register then peaked at
 * 483 MB of RSS instead of 685.
 *
 * The flag (--heap-growing-percent) is set at run time with v8.setFlagsFromString. V8 reads it
 * each time it computes the next limit; test/cli/heap.test.ts checks that it does. The command
 * line sets this up; the library functions leave their host's heap alone.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** Garbage allowed to build up between full collections, in megabytes. */
export const GARBAGE_BUDGET_MB = 64;

/** The budget in bytes while limitHeapGrowth is on; undefined when the heap is left to V8. */
let activeBudget: number | undefined;
let fullCollection: (() => void) | undefined;
/** Heap in use after the last collection made here (collectGarbage, collectIfGrown). */
let usedAfterCollection = 0;

/** V8's largest own factor is 4: a growth of 300%. At or above that, V8 is left to decide (0). */
const V8_MAX_PERCENT = 300;
/**
 * The cap until the observer first runs: loading a large project is one long synchronous stretch
 * (validation, triage) in which it cannot. Small projects are unaffected: their heap stays under
 * V8's initial limit while they load.
 */
const START_PERCENT = 30;
/** Never below this: a tiny factor would collect all the time for a large live heap. */
const MIN_PERCENT = 10;

/**
 * The --heap-growing-percent for a heap of `liveBytes` after a full collection: the growth that
 * `budgetBytes` allows, or 0 (V8's own choice) when that is more than V8 would allow anyway.
 */
export function growingPercent(liveBytes: number, budgetBytes: number): number {
  const percent = Math.floor((100 * budgetBytes) / Math.max(liveBytes, 1));
  return percent >= V8_MAX_PERCENT ? 0 : Math.max(percent, MIN_PERCENT);
}

/**
 * From now on, after each full collection, sets V8's growing factor for the budget. Returns a
 * function that stops this (the factor then stays as last set).
 */
export function limitHeapGrowth(budgetMb: number = GARBAGE_BUDGET_MB): () => void {
  if (!(budgetMb > 0) || !Number.isFinite(budgetMb)) throw new RangeError(`the garbage budget must be a positive number of megabytes, not ${budgetMb}`);
  const budget = budgetMb * 1024 * 1024;
  let current = 0;
  const update = (): void => {
    // The old generation only: the young one is mostly garbage, collected apart from it.
    let old = 0;
    for (const space of v8.getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) old += space.space_used_size;
    const percent = growingPercent(old, budget);
    if (percent === current) return;
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
    current = percent;
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => (e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) update();
  });
  observer.observe({ entryTypes: ['gc'] });
  v8.setFlagsFromString(`--heap-growing-percent=${(current = START_PERCENT)}`);
  activeBudget = budget;
  return () => {
    observer.disconnect();
    activeBudget = undefined;
  };
}

/**
 * A full collection now, when limitHeapGrowth is on and the heap holds more than twice its budget
 * (below that a collection frees little); otherwise nothing. For the end of a long synchronous
 * stretch that left garbage behind, such as loading a project. V8 offers no collection on demand
 * except through its `gc` function, which it defines in new contexts once --expose-gc is set.
 */
export function collectGarbage(): void {
  if (activeBudget === undefined || process.memoryUsage().heapUsed < 2 * activeBudget) return;
  collectNow();
}

/**
 * For checkpoints inside a long synchronous stretch (validating and triaging thousands of files):
 * a full collection when the heap has grown by more than twice the budget since the last one
 * made here; otherwise nothing (a read of V8's heap statistics). In such a stretch the observer
 * of limitHeapGrowth never runs, so V8 keeps the growing factor it last set, computed for a heap
 * far smaller than the one loading builds up. Measured at 10,000 incidents: loading inside a
 * first build peaked at 524 and 567 MB of RSS without checkpoints, 504 and 517 MB with them;
 * `datalek validate` at 440 and 540 MB without, 397 and 412 MB with, in the same time. Each
 * collection takes 0.1 to 0.2 s with 200 to 300 MB alive; a project of a thousand incidents
 * triggers none or one.
 */
export function collectIfGrown(): void {
  if (activeBudget === undefined) return;
  if (v8.getHeapStatistics().used_heap_size < usedAfterCollection + 2 * activeBudget) return;
  collectNow();
}

function collectNow(): void {
  if (!fullCollection) {
    v8.setFlagsFromString('--expose-gc');
    fullCollection = vm.runInNewContext('gc') as () => void;
  }
  fullCollection();
  usedAfterCollection = v8.getHeapStatistics().used_heap_size;
}
