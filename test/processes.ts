/** Test support: looking at the machine's running processes (Linux /proc). */
import { readdirSync, readFileSync } from 'node:fs';

/** Ids of the processes whose command line mentions `text` (a Chromium's mentions its profile folder). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
