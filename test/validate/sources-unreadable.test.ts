/** A file that exists but cannot be read (tests run as root, so permissions cannot be used). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...orig,
    readFile: async (p: Parameters<typeof orig.readFile>[0], ...rest: unknown[]) => {
      if (String(p).endsWith('locked.yaml')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (orig.readFile as (...a: unknown[]) => Promise<Buffer>)(p, ...rest);
    },
  };
});

// readSources reads with the blocking calls (src/load/sources.ts says why).
vi.mock('node:fs', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs')>();
  const readFileSync = (p: Parameters<typeof orig.readFileSync>[0], ...rest: unknown[]) => {
    if (String(p).endsWith('locked.yaml')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return (orig.readFileSync as (...a: unknown[]) => unknown)(p, ...rest);
  };
  return { ...orig, readFileSync, default: { ...orig, readFileSync } };
});

const { readSources } = await import('../../src/load/sources.js');

const root = mkdtempSync(path.join(tmpdir(), 'datalek-locked-'));
mkdirSync(path.join(root, 'incidents/x'), { recursive: true });
writeFileSync(path.join(root, 'incidents/x/locked.yaml'), 'id: "1"\n');
writeFileSync(path.join(root, 'incidents/x/open.yaml'), 'id: "2"\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('an unreadable file is reported; the others are read', async () => {
  const r = await readSources(root);
  expect(r.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
    ['DL-LOAD-UNREADABLE', 'incidents/x/locked.yaml', 'the file cannot be read: permission denied'],
  ]);
  expect(r.sources.map((s) => s.file)).toEqual(['incidents/x/open.yaml']);
});
