/** Where the CLI writes: injectable so tests can capture output without spawning a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (progress bars, colour). */
  isTty: boolean;
  cwd: string;
}

export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 70 } as const;

export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
