/**
 * `datalek pack` end to end (in-process, with Chromium): a pack for one incident, for an
 * organisation and for a period; verification of intact and tampered packs; the same pack built
 * twice gives the same bytes; git history inside and outside a git repository.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip, sha256, verifyPack, type Manifest } from '../../src/audit/index.js';
import { buildAuditPack } from '../../src/audit/pack.js';
import { cleanTemps, git, NOW, ORG, run, tempDir, tempProject } from './helpers.js';
import { compareText } from '../../src/compare-text.js';

afterAll(cleanTemps);

const DOCS_004 = ['brief-betrokkene', 'melding-ap', 'melding-verzekeraar'].flatMap((d) => [`${d}.docx`, `${d}.pdf`]).map((f) => `documents/${ORG}/2026-004/${f}`);
const DOCS_006 = ['melding-ap', 'melding-verzekeraar'].flatMap((d) => [`${d}.docx`, `${d}.pdf`]).map((f) => `documents/${ORG}/2026-006/${f}`);
const REGISTER = ['csv', 'docx', 'pdf'].map((f) => `register/${ORG}/register.${f}`);
const per = (ids: string[]) => ids.flatMap((id) => [`history/${id}.json`, `incidents/${ORG}/${id}.yaml`, `triage/${id}.json`]);
const COMMON = ['README.txt', 'manifest.json', 'validation.json', 'validation.txt', 'versions.json'];
const sorted = (xs: string[]) => [...xs].sort(compareText);

function entriesOf(zip: Buffer): string[] {
  const read = readZip(zip);
  if (!read.ok) throw new Error(read.reason);
  return [...read.entries.keys()];
}

function entry(zip: Buffer, name: string): Buffer {
  const read = readZip(zip);
  if (!read.ok) throw new Error(read.reason);
  return Buffer.from(read.entries.get(name)!.bytes!);
}

const json = (zip: Buffer, name: string) => JSON.parse(entry(zip, name).toString('utf8'));

let root: string;
let out: string;
let one: Buffer;

beforeAll(async () => {
  root = tempProject();
  out = tempDir();
  const r = await run(['pack', '--root', root, '--incident', '2026-004', '--now', NOW, '--out', path.join(out, 'one.zip')], out);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Audit pack of incident 2026-004: 1 incident \(2026-004\) of 1 organisation \(van-dam-advocaten\)\.$/m);
  expect(r.out).toMatch(/^In it: 6 document files, 3 register files, 1 triage outcome, git history for 0 of 1 incident file, validation: no problems\.$/m);
  expect(r.out).toMatch(/^Wrote one\.zip \(17 files, \d+ bytes, dated 2026-07-10T13:00:00Z\)\.$/m);
  one = readFileSync(path.join(out, 'one.zip'));
  expect(r.out).toContain(`SHA-256 of the pack: ${sha256(one)}`);
}, 60_000);

describe('a pack for one incident', () => {
  it('holds exactly the expected entries, sorted', () => {
    expect(entriesOf(one)).toEqual(sorted([...COMMON, ...per(['2026-004']), ...DOCS_004, ...REGISTER]));
    expect(entriesOf(one)).toEqual(sorted(entriesOf(one)));
  });

  it('holds the original incident bytes, the triage outcome with its decision path, and the versions', () => {
    expect(entry(one, `incidents/${ORG}/2026-004.yaml`).equals(readFileSync(path.join(root, 'incidents', ORG, '2026-004.yaml')))).toBe(true);
    const outcome = json(one, 'triage/2026-004.json');
    expect(outcome).toMatchObject({ id: '2026-004', organisation: ORG, file: `incidents/${ORG}/2026-004.yaml`, breach: true, notifyAuthority: true, notifyDataSubjects: true });
    expect(outcome.path.length).toBeGreaterThan(3);
    expect(Object.keys(outcome)).toEqual(sorted(Object.keys(outcome)));
    const versions = json(one, 'versions.json');
    expect(versions.tool).toEqual({ name: 'datalek', version: expect.any(String) });
    expect(versions.policy).toMatchObject({ id: 'datalek-default', version: expect.any(String) });
    expect(versions.templatePacks[ORG].map((p: { layer: string; name: string; version: string | null }) => [p.layer, p.name, p.version])).toEqual([
      ['organisation', ORG, null],
      ['federation', 'voorbeeld-federatie', '2.1.0'],
      ['default', 'datalek-standaard', expect.any(String)],
    ]);
    expect(entry(one, 'validation.txt').toString()).toMatch(/^Validation of the incident in this pack, its organisation and template packs: no problems\.\n$/);
    expect(json(one, 'validation.json')).toEqual([]);
    expect(entry(one, 'README.txt').toString()).toMatch(/^Auditpakket van datalek\n\nDit pakket bevat/);
  });

  it('says outside git that there is no history', () => {
    expect(json(one, 'history/2026-004.json')).toEqual({
      incident: '2026-004',
      organisation: ORG,
      file: `incidents/${ORG}/2026-004.yaml`,
      state: 'not-in-git',
      commits: [],
      note: expect.stringMatching(/niet in een git-repository/),
    });
  });

  it('has a manifest with the SHA-256 of every other entry, and nothing absolute or temporary inside', () => {
    const manifest = json(one, 'manifest.json') as Manifest;
    expect(manifest).toMatchObject({ format: 'datalek-audit-pack', version: 1, tool: { name: 'datalek' }, created: '2026-07-10T13:00:00Z' });
    expect(manifest.selection).toMatchObject({ criteria: { incidents: ['2026-004'], organisations: [], from: null, to: null }, organisations: [ORG] });
    expect(Object.keys(manifest.files)).toEqual(entriesOf(one).filter((e) => e !== 'manifest.json'));
    for (const [name, d] of Object.entries(manifest.files)) expect(d).toEqual({ sha256: sha256(entry(one, name)), bytes: entry(one, name).length });
    for (const name of entriesOf(one).filter((e) => /\.(json|txt|yaml)$/.test(e))) {
      const text = entry(one, name).toString('utf8');
      expect(text, name).not.toContain(root);
      expect(text, name).not.toContain('datalek-pack-');
      expect(text.endsWith('\n'), name).toBe(true);
    }
  });

  it('verifies as intact (exit 0)', async () => {
    const r = await run(['pack', '--verify', 'one.zip'], out);
    expect(r).toEqual({ code: 0, err: '', out: expect.stringMatching(/^one\.zip: intact\. All 16 files match manifest\.json \(made by datalek [^,]+, dated 2026-07-10T13:00:00Z\)\.\n$/) });
    const j = await run(['pack', '--verify', 'one.zip', '--json'], out);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toMatchObject({ file: 'one.zip', ok: true, matching: 16, changed: [], missing: [], added: [], damaged: [] });
  });

  it('fails verification naming the document whose content was changed (rewritten with pizzip)', async () => {
    const name = `documents/${ORG}/2026-004/melding-ap.pdf`;
    const zip = new PizZip(one);
    const pdf = Buffer.from(zip.file(name)!.asUint8Array());
    pdf[Math.floor(pdf.length / 2)]! ^= 0x01;
    zip.file(name, pdf);
    writeFileSync(path.join(out, 'changed.zip'), zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const r = await run(['pack', '--verify', 'changed.zip'], out);
    expect(r.code).toBe(1);
    const manifest = json(one, 'manifest.json') as Manifest;
    expect(r.out).toBe(
      [
        'changed.zip: NOT intact: 1 changed (made by datalek 0.1.0, dated 2026-07-10T13:00:00Z).',
        `  changed:   ${name}`,
        `             expected sha256 ${manifest.files[name]!.sha256} (${manifest.files[name]!.bytes} bytes)`,
        `             actual   sha256 ${sha256(pdf)} (${pdf.length} bytes)`,
        '  15 other files match the manifest.',
        '',
      ].join('\n').replace('datalek 0.1.0', `datalek ${manifest.tool.version}`),
    );
  });

  it('fails verification naming the entry when a raw byte of the zip file is flipped', async () => {
    const name = 'triage/2026-004.json';
    const bytes = Buffer.from(one);
    const at = bytes.indexOf(Buffer.from(name)) - 30;
    expect(bytes.readUInt32LE(at)).toBe(0x04034b50);
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    bytes[start + Math.floor(bytes.readUInt32LE(at + 18) / 2)]! ^= 0x20;
    writeFileSync(path.join(out, 'flipped.zip'), bytes);
    const r = await run(['pack', '--verify', 'flipped.zip', '--json'], out);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(false);
    expect([...report.changed.map((c: { path: string }) => c.path), ...report.damaged.map((d: { path: string }) => d.path)]).toEqual([name]);
    expect(report.matching).toBe(15);
  });

  it('names a missing and an added entry', async () => {
    const zip = new PizZip(one);
    zip.remove('triage/2026-004.json');
    zip.file('documents/extra.pdf', '%PDF-1.7 untrusted');
    writeFileSync(path.join(out, 'edited.zip'), zip.generate({ type: 'nodebuffer' }));
    const r = await run(['pack', '--verify', 'edited.zip'], out);
    expect(r.code).toBe(1);
    expect(r.out).toContain('edited.zip: NOT intact: 1 missing, 1 added');
    expect(r.out).toContain('  missing:   triage/2026-004.json (listed in manifest.json, not in the zip)');
    expect(r.out).toContain('  added:     documents/extra.pdf (in the zip, not in manifest.json)');
  });

  it('reports a damaged manifest and a file that is not a zip', async () => {
    const zip = new PizZip(one);
    zip.file('manifest.json', '{"format":');
    writeFileSync(path.join(out, 'manifest.zip'), zip.generate({ type: 'nodebuffer' }));
    const m = await run(['pack', '--verify', 'manifest.zip'], out);
    expect(m.code).toBe(1);
    expect(m.out).toMatch(/^manifest\.zip: NOT intact: manifest\.json damaged\.\n {2}manifest\.json damaged: it is not valid JSON/);
    writeFileSync(path.join(out, 'text.zip'), 'just text');
    expect(await run(['pack', '--verify', 'text.zip'], out)).toEqual({ code: 1, err: '', out: 'text.zip: NOT an audit pack: it is not a zip file (no end-of-central-directory record).\n' });
    const none = await run(['pack', '--verify', 'none.zip'], out);
    expect(none).toEqual({ code: 1, out: '', err: 'datalek pack: cannot verify none.zip: there is no such file.\n' });
  });

  it('gives the same bytes when built again (another run, another machine time zone)', async () => {
    const saved = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      const r = await run(['pack', '--root', root, '--incident', '2026-004', '--now', NOW, '--out', path.join(out, 'again.zip')], out);
      expect(r.code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
    const again = readFileSync(path.join(out, 'again.zip'));
    expect(again.length).toBe(one.length);
    expect(Buffer.compare(again, one)).toBe(0);
  }, 30_000);
});

describe('what a pack of one incident renders', () => {
  it("that incident's documents and its office's register, not the office's other incidents", async () => {
    const totals: number[] = [];
    const r = await buildAuditPack({ root: tempProject(), now: new Date(NOW), criteria: { incidents: ['2026-004'] }, git: false, onProgress: (_done, total) => totals.push(total) });
    expect(r.ok).toBe(true);
    // 2026-004: three documents; the register: one. Its office has other incidents with documents (2026-006).
    expect(new Set(totals)).toEqual(new Set([DOCS_004.length / 2 + 1]));
  }, 60_000);
});

describe('packs for an organisation and for a period', () => {
  it('an organisation: every incident, its documents and the register; default file under output/audit/', async () => {
    const r = await run(['pack', '--root', root, '--org', ORG, '--now', NOW, '--json'], root);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: true, file: `output/audit/${ORG}.zip`, counts: { incidents: 3, documents: 10, registers: 3, files: 27 }, created: '2026-10-30T14:00:00Z' });
    const zip = readFileSync(path.join(root, 'output/audit', `${ORG}.zip`));
    expect(sha256(zip)).toBe(report.sha256);
    expect(entriesOf(zip)).toEqual(sorted([...COMMON, ...per(['2026-001', '2026-004', '2026-006']), ...DOCS_004, ...DOCS_006, ...REGISTER]));
    expect(report.entries).toEqual(entriesOf(zip));
    expect(verifyPack(zip).ok).toBe(true);
    // Only the pack itself was written: no temporary files left beside it.
    expect(readdirSync(path.join(root, 'output/audit'))).toEqual([`${ORG}.zip`]);
  }, 30_000);

  it('a period: by the day of awareness in the office zone, both ends inclusive', async () => {
    const file = path.join(out, 'period.zip');
    const r = await run(['pack', '--root', root, '--from', '2026-06-08', '--to', '2026-10-15', '--now', NOW, '--out', file], out);
    expect(r.code).toBe(0);
    const zip = readFileSync(file);
    expect(entriesOf(zip)).toEqual(sorted([...COMMON, ...per(['2026-004', '2026-006']), ...DOCS_004, ...DOCS_006, ...REGISTER]));
    expect(json(zip, 'manifest.json').selection).toMatchObject({
      criteria: { from: '2026-06-08', to: '2026-10-15', incidents: [], organisations: [] },
      incidents: [
        { organisation: ORG, id: '2026-004', file: `incidents/${ORG}/2026-004.yaml` },
        { organisation: ORG, id: '2026-006', file: `incidents/${ORG}/2026-006.yaml` },
      ],
    });
  }, 30_000);
});

describe('refusals', () => {
  it('exits 1 and writes nothing when the selection is empty', async () => {
    const file = path.join(out, 'empty.zip');
    const r = await run(['pack', '--root', root, '--org', ORG, '--from', '2026-11-01', '--now', NOW, '--out', file], out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing to pack: no incident matches organisation van-dam-advocaten, aware from 2026-11-01/);
    const unknown = await run(['pack', '--root', root, '--incident', '2026-999', '--now', NOW, '--out', file], out);
    expect(unknown.err).toMatch(/no incident with id "2026-999"/);
    expect(existsSync(file)).toBe(false);
  });

  it('exits 2 on a wrong command line', async () => {
    expect((await run(['pack', '--root', root, '--from', '2026-02-30'], out)).code).toBe(2);
    expect((await run(['pack', '--root', root, '--from', '2026-07-01', '--to', '2026-06-01'], out)).err).toMatch(/after --to/);
    expect((await run(['pack', '--verify', 'one.zip', '--org', ORG], out)).code).toBe(2);
    expect((await run(['pack', '--root', root, 'incidents'], out)).code).toBe(2);
  });

  it('exits 1 and writes nothing when an incident file that may belong to the selection cannot be triaged', async () => {
    const broken = tempProject();
    writeFileSync(path.join(broken, 'incidents', ORG, '2026-009.yaml'), 'id: "2026-009"\ntitle: [\n');
    const r = await run(['pack', '--root', broken, '--org', ORG, '--now', NOW], broken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot be triaged: incidents\/van-dam-advocaten\/2026-009\.yaml/);
    expect(existsSync(path.join(broken, 'output'))).toBe(false);
  });

  it('exits 1 and writes nothing when a selected document cannot be made', async () => {
    const broken = tempProject();
    const orgDir = path.join(broken, 'templates', ORG);
    writeFileSync(path.join(orgDir, 'pack.yaml'), 'documents:\n  melding-ap:\n    templates:\n      nl:\n        md: melding-ap.md\n');
    writeFileSync(path.join(orgDir, 'melding-ap.md'), '# Melding\n\n{#onbekend}niet gesloten\n');
    const r = await run(['pack', '--root', broken, '--incident', '2026-004', '--now', NOW], broken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/templates\/van-dam-advocaten\/melding-ap\.md:3:1: .*unclosed/);
    expect(r.err).toMatch(/a document of the selection could not be made: van-dam-advocaten\/2026-004\/melding-ap; no pack was written/);
    expect(existsSync(path.join(broken, 'output'))).toBe(false);
  }, 30_000);
});

describe('git history in the pack', () => {
  it('lists the commits of the incident file, with their authors', async () => {
    const repo = tempProject();
    const file = `incidents/${ORG}/2026-004.yaml`;
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'Incident 2026-004 vastgelegd'], { name: 'Sanne Verbeek', email: 's.verbeek@example.org', date: '2026-06-08T11:30:00+02:00' });
    appendFileSync(path.join(repo, file), '# Risico beoordeeld door mr. Bouzid.\n');
    git(repo, ['commit', '-q', '-am', 'Risicobeoordeling toegevoegd'], { name: 'Laila Bouzid', email: 'l.bouzid@example.org', date: '2026-06-09T09:15:00+02:00' });
    mkdirSync(path.join(repo, 'elsewhere'));
    const r = await run(['pack', '--root', repo, '--incident', '2026-004', '--now', NOW, '--out', path.join(out, 'git.zip')], path.join(repo, 'elsewhere'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/git history for 1 of 1 incident file/);
    const zip = readFileSync(path.join(out, 'git.zip'));
    const history = json(zip, 'history/2026-004.json');
    expect(history).toMatchObject({ incident: '2026-004', file, state: 'committed', note: null });
    expect(history.commits.map((c: Record<string, string>) => [c['authorName'], c['authorEmail'], c['authorDate'], c['subject']])).toEqual([
      ['Laila Bouzid', 'l.bouzid@example.org', '2026-06-09T09:15:00+02:00', 'Risicobeoordeling toegevoegd'],
      ['Sanne Verbeek', 's.verbeek@example.org', '2026-06-08T11:30:00+02:00', 'Incident 2026-004 vastgelegd'],
    ]);
    expect(history.commits[0].hash).toBe(git(repo, ['rev-parse', 'HEAD']).trim());
    expect(verifyPack(zip).ok).toBe(true);
  }, 30_000);
});
