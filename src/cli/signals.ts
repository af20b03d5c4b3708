/**
 * Interrupted from outside (Ctrl-C, `kill`, a closed terminal, a CI job's time limit), the command
 * line exits at once with the shell's code for the signal (128 + its number). Exiting runs the
 * process's 'exit' hooks, which stop a running Chromium and remove its profile
 * (src/render/pdf/chromium.ts). Nothing is lost: every output file is written to a temporary name
 * and renamed into place (build/write.ts), the next build removes stray temporary files and takes
 * over the lock of a build that is gone (build/lock.ts).
 */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

export function exitOnSignals(): void {
  for (const [name, number] of Object.entries(SIGNALS)) process.once(name as NodeJS.Signals, () => process.exit(128 + number));
}
