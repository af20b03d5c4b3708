import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, TEMP_SUFFIX, writeFileAtomic } from '../../src/build/write.js';
import { lockOutput, OutputLockedError, LOCK_NAME } from '../../src/build/lock.js';

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'datalek-write-'));

describe('writeFileAtomic', () => {
  it('writes the file, creating folders, and leaves no temporary file', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'a', 'b', 'brief.pdf');
    await writeFileAtomic(file, 'inhoud');
    await writeFileAtomic(file, 'nieuwe inhoud');
    expect(await readFile(file, 'utf8')).toBe('nieuwe inhoud');
    expect(await readdir(path.dirname(file))).toEqual(['brief.pdf']);
  });

  it('writes text given as pieces, in runs, as the same bytes as the whole text', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'cache.json');
    const pieces = Array.from({ length: 4000 }, (_, i) => `{"nr":${i},"tekst":"${'é€'.repeat(i % 700)}"}`);
    await writeFileAtomic(file, pieces); // more than one run of a million characters
    expect(pieces.join('').length).toBeGreaterThan(2 ** 21);
    expect(await readFile(file, 'utf8')).toBe(pieces.join(''));
    function* none(): Generator<string> {}
    await writeFileAtomic(file, none());
    expect(await readFile(file, 'utf8')).toBe('');
    expect(await readdir(dir)).toEqual(['cache.json']);
  });

  it('leaves the old file intact and no temporary file when writing fails', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'brief.pdf');
    await writeFile(file, 'oud');
    // Renaming a file over a non-empty directory fails: simulate by targeting a directory.
    const target = path.join(dir, 'map');
    await writeFileAtomic(path.join(target, 'x'), 'x');
    await expect(writeFileAtomic(target, 'y')).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('oud');
    expect((await readdir(dir)).filter((n) => n.endsWith(TEMP_SUFFIX))).toEqual([]);
  });

  it('removes temporary files left behind by a killed build', async () => {
    const dir = await tmp();
    await writeFileAtomic(path.join(dir, 'org', '2026-001', 'x.docx'), 'x');
    await writeFile(path.join(dir, 'org', '2026-001', `.x.pdf.123.abcd${TEMP_SUFFIX}`), 'half');
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(await readdir(path.join(dir, 'org', '2026-001'))).toEqual(['x.docx']);
    expect(await removeStaleTempFiles(path.join(dir, 'missing'))).toBe(0);
  });
});

describe('lockOutput', () => {
  it('refuses a second build while the first holds the lock, and allows one after release', async () => {
    const dir = await tmp();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await writeFile(path.join(dir, LOCK_NAME), `${child.pid}\n`);
    await expect(lockOutput(dir)).rejects.toBeInstanceOf(OutputLockedError);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const lock = await lockOutput(dir); // the holder is gone: stale lock taken over
    await expect(lockOutput(dir)).rejects.toThrow(/another datalek build/);
    await lock.release();
    const again = await lockOutput(dir);
    await again.release();
  });
});
