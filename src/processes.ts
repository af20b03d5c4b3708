/**
 * The machine's processes, as Linux's /proc lists them. Elsewhere (no /proc) there are none: every
 * caller treats this as best effort. Used by the PDF renderer's exit hook (src/render/pdf/chromium.ts),
 * the benchmark's memory sampling and tests.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Ids of the running processes (empty without /proc). */
export function processIds(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

/** A process's command line, one entry per argument; undefined when it is gone or unreadable. */
export function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
}
