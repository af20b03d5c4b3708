/** readSources: finding and reading files, and every way reading can go wrong. */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readSources } from '../../src/load/sources.js';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/load/utf8.js';

let root: string;
const write = (rel: string, content: string | Uint8Array) => {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
};

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'datalek-sources-'));
  write('templates/acme/organisation.yaml', 'id: acme\n');
  write('templates/beta/organisation.yml', 'id: beta\n');
  write('templates/acme/brief.md', '# not yaml\n');
  write('templates/acme/extra.yaml', 'not: an organisation\n');
  write('templates/_default/melding.md', '# a template\n');
  write('incidents/acme/2026-001.yaml', '\ufeffid: "2026-001"\n');
  write('incidents/acme/2026-002.yml', 'id: "2026-002"\n');
  write('incidents/beta/deep/2026-003.yaml', 'id: "2026-003"\n');
  write('incidents/beta/notes.txt', 'not yaml\n');
  write('incidents/beta/.hidden.yaml', 'id: hidden\n');
  write('policy/risk.yaml', 'policy: yes\n');
  write('archive/2025-009.yaml', 'id: "2025-009"\n');
  write('empty-folder/readme.md', 'nothing\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = (r: Awaited<ReturnType<typeof readSources>>) => r.sources.map((s) => `${s.kind}:${s.file}`);

describe('finding files', () => {
  it('without paths: every incident and every organisation, sorted, nothing else', async () => {
    const r = await readSources(root);
    expect(r.diagnostics).toEqual([]);
    expect(files(r)).toEqual([
      'incident:incidents/acme/2026-001.yaml',
      'incident:incidents/acme/2026-002.yml',
      'incident:incidents/beta/deep/2026-003.yaml',
      'organisation:templates/acme/organisation.yaml',
      'organisation:templates/beta/organisation.yml',
    ]);
  });

  it('a folder narrows the incidents; organisations are always read', async () => {
    const r = await readSources(root, ['incidents/beta']);
    expect(files(r)).toEqual([
      'incident:incidents/beta/deep/2026-003.yaml',
      'organisation:templates/acme/organisation.yaml',
      'organisation:templates/beta/organisation.yml',
    ]);
  });

  it('files, absolute paths, overlaps and the project folder itself', async () => {
    const r = await readSources(root, [path.join(root, 'incidents/acme/2026-002.yml'), 'incidents/acme', 'archive', '.']);
    expect(r.diagnostics).toEqual([]);
    expect(files(r)).toEqual([
      'incident:archive/2025-009.yaml',
      'incident:incidents/acme/2026-001.yaml',
      'incident:incidents/acme/2026-002.yml',
      'incident:incidents/beta/deep/2026-003.yaml',
      'organisation:templates/acme/organisation.yaml',
      'organisation:templates/beta/organisation.yml',
    ]);
  });

  it('missing paths, non-YAML files and folders without YAML are reported', async () => {
    const r = await readSources(root, ['incidents/nope.yaml', 'incidents/beta/notes.txt', 'empty-folder']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ['DL-LOAD-NOT-FOUND', 'error', 'incidents/nope.yaml'],
      ['DL-LOAD-NOT-YAML', 'warning', 'incidents/beta/notes.txt'],
      ['DL-LOAD-NO-FILES', 'warning', 'empty-folder'],
    ]);
    expect(files(r).filter((f) => f.startsWith('incident:'))).toEqual([]);
  });

  it('a byte-order mark is stripped', async () => {
    const r = await readSources(root, ['incidents/acme/2026-001.yaml']);
    expect(r.sources[0]!.text).toBe('id: "2026-001"\n');
  });
});

describe('reading problems', () => {
  let bad: string;
  beforeAll(() => {
    bad = mkdtempSync(path.join(tmpdir(), 'datalek-bad-'));
    const w = (rel: string, content: string | Uint8Array) => {
      mkdirSync(path.dirname(path.join(bad, rel)), { recursive: true });
      writeFileSync(path.join(bad, rel), content);
    };
    // "naam: José" in Latin-1: é is the single byte 0xE9.
    w('incidents/x/latin1.yaml', Buffer.concat([Buffer.from('id: "1"\nnaam: Jos'), Buffer.from([0xe9]), Buffer.from('\n')]));
    w('incidents/x/utf16.yaml', Buffer.from([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]));
    w('incidents/x/big.yaml', Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    w('incidents/x/good.yaml', 'id: "ok"\n');
    symlinkSync(path.join(bad, 'nowhere.yaml'), path.join(bad, 'incidents/x/dangling.yaml'));
  });
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  it('each bad file becomes a diagnostic; the good ones are still read', async () => {
    const r = await readSources(bad);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['DL-LOAD-TOO-LARGE', 'incidents/x/big.yaml', 0, 0],
      ['DL-LOAD-ENCODING', 'incidents/x/latin1.yaml', 2, 10],
      ['DL-LOAD-ENCODING', 'incidents/x/utf16.yaml', 0, 0],
    ]);
    expect(r.diagnostics[0]!.message).toBe('the file is 2.0 MB, more than the 2.0 MB an incident or organisation file may be; it was not read');
    expect(r.diagnostics[1]!.message).toMatch(/not valid UTF-8 text \(byte 0xE9/);
    expect(r.diagnostics[2]!.message).toMatch(/UTF-16/);
    expect(r.sources.map((s) => s.file)).toEqual(['incidents/x/good.yaml']);
  });

  it('a dangling link is not a file: skipped in folders, not found when named', async () => {
    const r = await readSources(bad, ['incidents/x/dangling.yaml']);
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([['DL-LOAD-NOT-FOUND', 'incidents/x/dangling.yaml']]);
  });
});

describe('UTF-8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0xe2, 0x82, 0xac], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xe9, 0x62], 1],
    [[0xc0, 0xaf], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0x61, 0xe2, 0x82], 1], // cut short
  ])('%j: first invalid byte at %i', (bytes, at) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
    expect(decodeUtf8(new Uint8Array(bytes)).ok).toBe(at === -1);
  });
});
