/** Test support: looking at the machine's running processes (Linux /proc). */
import { commandLine, processIds } from '../src/processes.js';

/** Ids of the processes whose command line mentions `text` (a Chromium's mentions its profile folder). */
export function processesMentioning(text: string): number[] {
  return processIds().filter((pid) => commandLine(pid)?.some((arg) => arg.includes(text)));
}
