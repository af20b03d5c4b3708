/**
 * Peak memory of a process tree, sampled from /proc (Linux): every `intervalMs` the resident set
 * (VmRSS) of the root process and, separately, the sum over all its descendants (Chromium's
 * browser, GPU, network and renderer processes; soffice.bin under LibreOffice's launcher).
 * Summing RSS counts pages the processes share more than once, so the descendants' figure is an
 * upper bound. Off Linux (no /proc) it reports nothing.
 */
import { readFileSync } from 'node:fs';
import { processIds } from '../src/processes.js';

export interface TreePeak {
  /** Highest RSS of the root process seen, in MB. */
  rootMb: number;
  /** Highest sum of the descendants' RSS seen at one moment, in MB. */
  descendantsMb: number;
  /** Most descendant processes seen at once. */
  descendants: number;
  /** CPU time (user + system) the descendants used, as last sampled per process, in seconds. */
  descendantsCpuS: number;
  /** CPU time of the root process, as last sampled, in seconds. */
  rootCpuS: number;
  /** Busy CPU time of the whole machine (all processes, all cores) while sampling, in seconds. */
  machineBusyS: number;
  /** Wall time sampled, in seconds. */
  wallS: number;
  samples: number;
}

/** User + system CPU time of a process so far, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return -1;
  }
}

/** Linux reports CPU times in USER_HZ ticks, 100 per second on every common architecture. */
const TICKS_PER_SECOND = 100;

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Parent of every process: /proc/<pid>/stat field 4 (after the parenthesised name). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of processIds()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, Number(rest[1]));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function descendantsOf(root: number): number[] {
  const ppid = parents();
  const children = new Map<number, number[]>();
  for (const [pid, parent] of ppid) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Starts sampling the tree under `root`; `stop()` returns the peaks. */
export function sampleTree(root: number, intervalMs = 100): { stop: () => TreePeak } {
  const peak: TreePeak = { rootMb: 0, descendantsMb: 0, descendants: 0, descendantsCpuS: 0, rootCpuS: 0, machineBusyS: 0, wallS: 0, samples: 0 };
  const cpu = new Map<number, number>();
  const busy0 = machineBusyS();
  const t0 = performance.now();
  let rootTicks = 0;
  const sample = (): void => {
    const own = rssKb(root);
    const rt = cpuTicks(root);
    if (rt >= 0) rootTicks = rt;
    const others = descendantsOf(root);
    const sum = others.reduce((s, pid) => s + rssKb(pid), 0);
    for (const pid of others) {
      const t = cpuTicks(pid);
      if (t >= 0) cpu.set(pid, t);
    }
    peak.rootMb = Math.max(peak.rootMb, own / 1024);
    peak.descendantsMb = Math.max(peak.descendantsMb, sum / 1024);
    peak.descendants = Math.max(peak.descendants, others.length);
    peak.samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let ticks = 0;
      for (const t of cpu.values()) ticks += t;
      const busy1 = machineBusyS();
      return {
        ...peak,
        descendantsCpuS: ticks / TICKS_PER_SECOND,
        rootCpuS: rootTicks / TICKS_PER_SECOND,
        machineBusyS: busy0 !== null && busy1 !== null ? busy1 - busy0 : 0,
        wallS: (performance.now() - t0) / 1000,
      };
    },
  };
}

/** Busy CPU time of the whole machine so far (all cores), in seconds, from /proc/stat; null off Linux. */
export function machineBusyS(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Waits until the machine is quiet: at most `busyShare` of all cores busy over a 2 s window, for
 * at most `maxS` seconds. Returns the seconds waited and the last share seen.
 */
export async function waitForQuiet(maxS: number, busyShare = 0.25, cores = 1): Promise<{ waitedS: number; share: number | null }> {
  const t0 = performance.now();
  let share: number | null = null;
  for (;;) {
    const a = machineBusyS();
    if (a === null) return { waitedS: 0, share: null };
    await new Promise((r) => setTimeout(r, 2000));
    const b = machineBusyS()!;
    share = (b - a) / (2 * cores);
    const waited = (performance.now() - t0) / 1000;
    if (share <= busyShare || waited >= maxS) return { waitedS: waited, share };
  }
}
