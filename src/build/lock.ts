/**
 * One build at a time per output folder: a lock file holding the builder's pid. A second build
 * fails with a clear message while the first runs; a lock left by a killed build is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_NAME = '.datalek-build.lock';

export class OutputLockedError extends Error {
  readonly code = 'DL-BUILD-LOCKED';
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`another datalek build (process ${pid}) is writing to ${path.dirname(lockFile)}; wait for it to finish, or remove ${lockFile} if that process is gone`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Lock {
  release(): Promise<void>;
}

export async function lockOutput(outDir: string): Promise<Lock> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_NAME);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new OutputLockedError(file, pid);
      await rm(file, { force: true }); // stale: its builder is gone
    }
  }
  throw new OutputLockedError(file, -1);
}
