/**
 * readSources finds files with its own walk (src/load/sources.ts) instead of globby. On a tree
 * with every awkward case (hidden files and folders, node_modules, links to folders and files,
 * links that lead nowhere, names in capitals, folders named like YAML files) it finds exactly what
 * globby finds with the patterns and options it is given; and a link loop gives each file once.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globby } from 'globby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/load/sources.js';

let root: string;
let outside: string;
const write = (base: string, rel: string, content = 'id: x\n') => {
  mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
  writeFileSync(path.join(base, rel), content);
};
const link = (target: string, rel: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  symlinkSync(target, path.join(root, rel));
};

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'datalek-walk-'));
  outside = mkdtempSync(path.join(tmpdir(), 'datalek-walk-outside-'));
  for (const rel of [
    'templates/acme/organisation.yaml',
    'templates/beta/organisation.yml',
    'templates/gamma/organisation.YAML',
    'templates/.hidden/organisation.yaml',
    'templates/node_modules/organisation.yaml',
    'templates/acme/sub/organisation.yaml',
    'templates/acme/.organisation.yaml',
    'incidents/acme/2026-001.yaml',
    'incidents/acme/2026-002.yml',
    'incidents/acme/2026-003.YAML',
    'incidents/acme/2026-004.yaml.bak',
    'incidents/acme/.2026-005.yaml',
    'incidents/acme/notes.txt',
    'incidents/.git/objects/x.yaml',
    'incidents/acme/node_modules/pkg/x.yaml',
    'incidents/node_modules/y.yaml',
    'incidents/acme/deep/er/still/2026-006.yaml',
    'incidents/beta/a.b.yaml',
    'archive/old.yaml',
    'archive/.cache/x.yaml',
  ]) write(root, rel);
  mkdirSync(path.join(root, 'incidents/acme/folder.yaml'), { recursive: true });
  mkdirSync(path.join(root, 'templates/delta/organisation.yaml'), { recursive: true });
  write(outside, 'linked/2026-100.yaml');
  write(outside, 'linked/.hidden/2026-101.yaml');
  write(outside, 'org/organisation.yaml');
  write(outside, 'single.yaml');
  link(path.join(outside, 'linked'), 'incidents/linked');
  link(path.join(outside, 'single.yaml'), 'incidents/acme/2026-007.yaml');
  link(path.join(outside, 'nowhere.yaml'), 'incidents/acme/2026-008.yaml');
  link(path.join(outside, 'nowhere'), 'incidents/gone');
  link(path.join(outside, 'org'), 'templates/epsilon');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const OPTIONS = { absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: true };
const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

describe('readSources finds what globby finds', () => {
  it('without paths', async () => {
    const orgs = (await globby(['templates/*/organisation.{yaml,yml}'], { cwd: root, ...OPTIONS })).map(rel);
    const incidents = (await globby(['incidents/**/*.{yaml,yml}'], { cwd: root, ...OPTIONS })).map(rel);
    const expected = [...orgs.map((f) => `organisation:${f}`), ...incidents.map((f) => `incident:${f}`)].sort((a, b) => (a.split(':')[1]! < b.split(':')[1]! ? -1 : 1));
    const r = await readSources(root);
    expect(r.sources.map((s) => `${s.kind}:${s.file}`)).toEqual(expected);
    // What that is, spelled out.
    expect(r.sources.map((s) => s.file)).toEqual([
      'incidents/acme/2026-001.yaml',
      'incidents/acme/2026-002.yml',
      'incidents/acme/2026-007.yaml',
      'incidents/acme/deep/er/still/2026-006.yaml',
      'incidents/beta/a.b.yaml',
      'incidents/linked/2026-100.yaml',
      'templates/acme/organisation.yaml',
      'templates/beta/organisation.yml',
      'templates/epsilon/organisation.yaml',
    ]);
  });

  it('with a folder outside incidents/', async () => {
    const found = (await globby(['**/*.{yaml,yml}'], { cwd: path.join(root, 'archive'), ...OPTIONS })).map(rel);
    const r = await readSources(root, ['archive']);
    expect(r.sources.filter((s) => s.kind === 'incident').map((s) => s.file)).toEqual(found.sort());
    expect(found).toEqual(['archive/old.yaml']);
  });

  it('with a linked folder given by name', async () => {
    const found = (await globby(['**/*.{yaml,yml}'], { cwd: path.join(root, 'incidents/linked'), ...OPTIONS })).map(rel);
    const r = await readSources(root, ['incidents/linked']);
    expect(r.sources.filter((s) => s.kind === 'incident').map((s) => s.file)).toEqual(found.sort());
  });
});

describe('a link loop', () => {
  it('gives each file once, along its shortest path', async () => {
    const loopRoot = mkdtempSync(path.join(tmpdir(), 'datalek-walk-loop-'));
    try {
      write(loopRoot, 'incidents/acme/2026-001.yaml');
      symlinkSync(path.join(loopRoot, 'incidents'), path.join(loopRoot, 'incidents/acme/back'));
      const r = await readSources(loopRoot);
      expect(r.diagnostics).toEqual([]);
      expect(r.sources.map((s) => s.file)).toEqual(['incidents/acme/2026-001.yaml']);
    } finally {
      rmSync(loopRoot, { recursive: true, force: true });
    }
  });
});
