/**
 * Writing output safely: every file is written to a temporary file beside its target, flushed,
 * then renamed over it, so a reader (or a build killed half-way) never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files carry this suffix; a later build removes any left behind by a killed one. */
export const TEMP_SUFFIX = '.datalek-tmp';

/** Text given as pieces is written in runs of about this many characters. */
const RUN_CHARS = 1 << 20;

/**
 * Writes `data` to `file` atomically. Text may come as pieces (any iterable of strings), written
 * in runs as they come: a large file (the validation cache of 10,000 incidents is 68 MB) is then
 * never held whole in memory, once as text and again as bytes.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string | Iterable<string>): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else {
        // writeFile on a handle writes all of its text from the current position on (write() may
        // write only part of it).
        let run = '';
        for (const piece of data) {
          run += piece;
          if (run.length >= RUN_CHARS) {
            await handle.writeFile(run);
            run = '';
          }
        }
        if (run !== '') await handle.writeFile(run);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Removes temporary files left by an interrupted build below `dir`; returns how many. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith(TEMP_SUFFIX)) {
      await rm(path.join(entry.parentPath, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}
