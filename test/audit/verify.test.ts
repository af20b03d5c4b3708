/** The zip writer and the verification against manifest.json, on small hand-made packs (no browser). */
import PizZip from 'pizzip';
import { afterEach, describe, expect, it } from 'vitest';
import { digestFiles, PACK_FORMAT, PACK_FORMAT_VERSION } from '../../src/audit/manifest.js';
import { dosDateTime, isoSeconds, latestInstant, readZip, sha256, stableJson, verifyPack, writeZip } from '../../src/audit/index.js';

const DATE = new Date('2026-07-10T13:00:00Z');

/** A small valid pack: two files and their manifest. */
function smallPack(files: Record<string, string> = { 'a.txt': 'alpha\n', 'dir/b.json': '{}\n' }): Buffer {
  const entries = new Map<string, Uint8Array>(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const manifest = { format: PACK_FORMAT, version: PACK_FORMAT_VERSION, tool: { name: 'datalek', version: 'test' }, created: '2026-07-10T13:00:00Z', selection: {}, files: digestFiles(entries) };
  entries.set('manifest.json', Buffer.from(stableJson(manifest)));
  return writeZip(entries, DATE);
}

function rewrite(zip: Buffer, change: (z: PizZip) => void): Buffer {
  const z = new PizZip(zip);
  change(z);
  return z.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Offset and size of an entry's compressed data, found through its local header. */
function dataOf(zip: Buffer, name: string): { start: number; size: number } {
  const at = zip.indexOf(Buffer.from(name)) - 30;
  expect(zip.readUInt32LE(at)).toBe(0x04034b50);
  return { start: at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28), size: zip.readUInt32LE(at + 18) };
}

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

describe('writeZip', () => {
  it('gives the same bytes for the same entries, whatever their order and the machine time zone', () => {
    const a = writeZip(new Map([['b', Buffer.from('2')], ['a', Buffer.from('1')]]), DATE);
    process.env['TZ'] = 'Pacific/Kiritimati';
    const b = writeZip(new Map([['a', Buffer.from('1')], ['b', Buffer.from('2')]]), DATE);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('writes entries sorted, without folders, with the fixed date in every header', () => {
    const zip = writeZip(new Map([['z/b.txt', Buffer.from('b')], ['A.txt', Buffer.from('a')], ['m/a.txt', Buffer.from('c')]]), DATE);
    const read = readZip(zip);
    expect(read.ok && [...read.entries.keys()]).toEqual(['A.txt', 'm/a.txt', 'z/b.txt']);
    const { time, date } = dosDateTime(DATE);
    expect(date).toBe(((2026 - 1980) << 9) | (7 << 5) | 10);
    expect(time).toBe(13 << 11);
    const at = zip.indexOf(Buffer.from('A.txt')) - 30;
    expect([zip.readUInt16LE(at + 10), zip.readUInt16LE(at + 12)]).toEqual([time, date]);
    // The first name in the zip is the first sorted entry.
    expect(zip.subarray(30, 35).toString()).toBe('A.txt');
  });

  it('keeps dates before 1980 representable', () => {
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
  });
});

describe('verifyPack', () => {
  it('passes an intact pack', () => {
    const r = verifyPack(smallPack());
    expect(r).toMatchObject({ ok: true, notZip: null, matching: 2, changed: [], missing: [], added: [], damaged: [], duplicates: [] });
    expect(r.manifest).toMatchObject({ status: 'ok', tool: 'datalek test', created: '2026-07-10T13:00:00Z' });
  });

  it('names a changed file with the expected and actual hash', () => {
    const r = verifyPack(rewrite(smallPack(), (z) => z.file('a.txt', 'alphA\n')));
    expect(r.ok).toBe(false);
    expect(r.changed).toEqual([{ path: 'a.txt', expected: { sha256: sha256('alpha\n'), bytes: 6 }, actual: { sha256: sha256('alphA\n'), bytes: 6 } }]);
    expect(r.matching).toBe(1);
  });

  it('names missing and added files', () => {
    const r = verifyPack(rewrite(smallPack(), (z) => z.remove('dir/b.json').file('extra.txt', 'x')));
    expect(r).toMatchObject({ ok: false, missing: ['dir/b.json'], added: ['extra.txt'], changed: [] });
  });

  it('names a damaged entry when a raw byte of its compressed data is flipped', () => {
    const zip = smallPack({ 'a.txt': 'alpha '.repeat(50), 'b.txt': 'beta\n' });
    const { start, size } = dataOf(zip, 'a.txt');
    zip[start + Math.floor(size / 2)]! ^= 0xff;
    const r = verifyPack(zip);
    expect(r.ok).toBe(false);
    expect([...r.changed.map((c) => c.path), ...r.damaged.map((d) => d.path)]).toEqual(['a.txt']);
    expect(r.matching).toBe(1);
  });

  it('reports a missing or damaged manifest', () => {
    expect(verifyPack(rewrite(smallPack(), (z) => z.remove('manifest.json'))).manifest).toMatchObject({ status: 'missing' });
    const broken = verifyPack(rewrite(smallPack(), (z) => z.file('manifest.json', '{"format": "datalek-audit-pack",')));
    expect(broken).toMatchObject({ ok: false, manifest: { status: 'damaged', problem: expect.stringMatching(/not valid JSON/) } });
    const wrong = verifyPack(rewrite(smallPack(), (z) => z.file('manifest.json', JSON.stringify({ format: 'other', version: 1, files: {} }))));
    expect(wrong.manifest.problem).toMatch(/format is "other"/);
    const badHash = verifyPack(rewrite(smallPack(), (z) => z.file('manifest.json', JSON.stringify({ format: PACK_FORMAT, version: 1, files: { 'a.txt': { sha256: 'x', bytes: 1 } } }))));
    expect(badHash.manifest.problem).toMatch(/"a.txt"/);
  });

  it('reports a file that is not a zip', () => {
    expect(verifyPack(Buffer.from('%PDF-1.7 not a zip')).notZip).toMatch(/not a zip/);
    const cut = smallPack().subarray(0, 100);
    expect(verifyPack(cut).ok).toBe(false);
  });

  it('reports a name the zip holds twice', () => {
    const zip = smallPack({ 'a.txt': 'a', 'b.txt': 'b' });
    // Rename b.txt to a.txt in both its headers: same length, so the zip stays well-formed.
    let at = -1;
    while ((at = zip.indexOf(Buffer.from('b.txt'), at + 1)) >= 0) zip.write('a.txt', at);
    const r = verifyPack(zip);
    expect(r.ok).toBe(false);
    expect(r.duplicates).toEqual(['a.txt']);
  });
});

describe('the fixed date of a pack', () => {
  it('is the latest instant anywhere in the incidents; plain days do not count', () => {
    const a = { timeline: { started_at: '2026-12-31', aware_at: '2026-06-08T11:00:00+02:00' }, authority: { follow_ups: [{ at: '2026-07-10T15:00:00+02:00' }] } };
    const b = { timeline: { aware_at: '2026-07-01T00:00:00Z' }, title: 'not 2027-01-01T00:00:00Z as text' };
    expect(latestInstant([a, b] as never)?.toISOString()).toBe('2026-07-10T13:00:00.000Z');
    expect(latestInstant([])).toBeUndefined();
    expect(isoSeconds(new Date('2026-07-10T13:00:00.999Z'))).toBe('2026-07-10T13:00:00Z');
  });
});
