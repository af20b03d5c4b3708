/** Where the CLI writes: injectable so tests can capture output without spawning a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (progress bars, colour). */
  isTty: boolean;
  cwd: string;
  /** A progress line of our own making, redrawn in place on a terminal (stderr); absent when not a terminal. */
  progress?: (text: string) => void;
}

export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 70 } as const;

export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    ...(process.stderr.isTTY ? { progress: (t: string) => void process.stderr.write(`\r\u001b[2K${t}`) } : {}),
  };
}
