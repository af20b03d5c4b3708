/**
 * What a build does when things go wrong, each case on its own temporary copy of one example
 * office (boekhouding-claes: four incidents, one letter, three GBA summaries, the register):
 * a template with an unknown tag, a broken incident file, a hostile incident, a second build on a
 * locked output folder, a build of one incident only, and a letter that is no longer needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runBuild } from '../../src/build/run.js';
import {
  NOW,
  NOW_ISO,
  REPO,
  cleanTemp,
  copyExamples,
  docxText,
  ensureBuilt,
  expectedFiles,
  hashTree,
  listFiles,
  parseCsv,
  pdfText,
  run,
  spawnDatalek,
  squash,
  tempDir,
  type TriageJson,
} from '../fixtures/build/support.js';

const ORG = 'boekhouding-claes';
const LOCK = '.datalek-build.lock';

/** The documents of an output folder (not the build's own dot-files, such as a cache or a lock). */
const documents = (dir: string) => listFiles(dir).filter((f) => !f.split('/').some((s) => s.startsWith('.')));

async function triageOf(root: string): Promise<TriageJson[]> {
  const t = await run(['triage', '--json', '--now', NOW_ISO], root);
  return JSON.parse(t.out) as TriageJson[];
}

function editIncident(root: string, id: string, edit: (doc: ReturnType<typeof parseDocument>) => void, as = id): string {
  const file = path.join(root, 'incidents', ORG, `${id}.yaml`);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  const target = path.join(root, 'incidents', ORG, `${as}.yaml`);
  writeFileSync(target, String(doc));
  return target;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});
afterAll(cleanTemp);

describe('build faults', () => {
  it('an unknown tag in an office template fails that document only, naming the tag, the template and the incident (exit 1)', async () => {
    const root = copyExamples([ORG]);
    const template = readFileSync(path.join(REPO, 'packs/default/brief-betrokkene.md'), 'utf8').replace('{feiten}', '{feiten}\n\nZie ook: {onbekend_veld}');
    writeFileSync(path.join(root, 'templates', ORG, 'brief-betrokkene.md'), template);
    const out = tempDir();
    const r = await run(['build', '--now', NOW_ISO, '--out', out], root);
    expect(r.code, r.err).toBe(1);
    const line = r.err.split('\n').find((l) => l.includes('onbekend_veld'));
    expect(line, r.err).toBeDefined();
    expect(line).toMatch(new RegExp(`^templates/${ORG}/brief-betrokkene\\.md:\\d+:\\d+: `));
    expect(line).toContain('2026-204');
    expect(r.out).toMatch(/1 document failed/);
    // no file at all for that document, every other one written
    const letter = `${ORG}/2026-204/brief-betrokkene`;
    const expected = expectedFiles(root, await triageOf(root));
    expect(expected).toContain(`${letter}.pdf`);
    expect(documents(out)).toEqual(expected.filter((f) => !f.startsWith(`${letter}.`)));
  });

  it('an office template saved as Latin-1 fails its documents with the line and column of the bad byte, not with garbled letters (exit 1)', async () => {
    const root = copyExamples([ORG]);
    const template = readFileSync(path.join(REPO, 'packs/default/brief-betrokkene.md'), 'utf8').replace('{feiten}', '{feiten}\n\nWij betreuren dit incident.');
    // "betreuren" holds no accent; put one in, encoded as Windows-1252 / Latin-1 would: e-diaeresis is the single byte 0xEB
    const latin1 = Buffer.from(template.replace('Wij betreuren', 'Wij betr\u00eburen'), 'latin1');
    writeFileSync(path.join(root, 'templates', ORG, 'brief-betrokkene.md'), latin1);
    const lineNo = template.split('\n').findIndex((l) => l.startsWith('Wij betreuren')) + 1;
    const out = tempDir();
    const r = await run(['build', '--now', NOW_ISO, '--out', out], root);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(`templates/${ORG}/brief-betrokkene.md:${lineNo}:9: the Markdown template is not valid UTF-8 text (byte 0xEB; perhaps saved as Windows-1252 or Latin-1)`);
    expect(r.err).toContain('DL-TEMPLATE-ENCODING');
    expect(r.err.split('not valid UTF-8').length - 1).toBe(1); // once, not once per letter
    const letters = expectedFiles(root, await triageOf(root)).filter((f) => f.endsWith('/brief-betrokkene.pdf'));
    expect(letters.length).toBeGreaterThan(0);
    const files = documents(out);
    expect(files.filter((f) => f.includes('/brief-betrokkene.'))).toEqual([]);
    expect(files).toContain(`${ORG}/register.pdf`);
  });

  it('a broken incident file is skipped with its diagnostic while the others build', async () => {
    const root = copyExamples([ORG]);
    const file = path.join(root, 'incidents', ORG, '2026-202.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('title:'));
    lines[at] = 'title: "Een titel zonder slot-aanhalingsteken';
    writeFileSync(file, lines.join('\n'));
    const out = tempDir();
    const r = await run(['build', '--now', NOW_ISO, '--out', out], root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^incidents/${ORG}/2026-202\\.yaml:\\d+:\\d+: .*\\(error DL-`, 'm'));
    expect(r.out).toMatch(/1 incident skipped for errors/);
    const triage = await triageOf(root);
    expect(triage.map((t) => t.id).sort()).toEqual(['2026-201', '2026-203', '2026-204']);
    const files = documents(out);
    expect(files.filter((f) => f.includes('/2026-202/'))).toEqual([]);
    expect(files).toEqual(expectedFiles(root, triage));
    expect(files).toContain(`${ORG}/2026-203/melding-gba.pdf`);
    // the register holds the incidents that could be read, and the build says it lacks one
    expect(r.err).toMatch(new RegExp(`^templates/${ORG}/organisation\\.yaml.*register: built without the incident of 1 file that has errors \\(incidents/${ORG}/2026-202\\.yaml\\).*DL-BUILD-REGISTER-INCOMPLETE`, 'm'));
    const csv = parseCsv(readFileSync(path.join(out, ORG, 'register.csv'), 'utf8')).filter((row) => row.some((c) => c !== ''));
    expect(csv.slice(1).map((row) => row[0])).toEqual(['2026-201', '2026-203', '2026-204']);
  });

  describe('a hostile incident, a locked output folder, and a build of one incident', () => {
    let root: string;
    let out: string;
    let hits: string[];
    let server: http.Server;

    it('renders markup, tags and CSS in an incident literally, and the browser asks the network for nothing', async () => {
      hits = [];
      server = http.createServer((req, res) => {
        hits.push(`${req.method} ${req.url}`);
        res.end('x');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const hostile = [
        '<script>alert(1)</script>',
        `<img src="http://127.0.0.1:${port}/x.png">`,
        '{#x}{/x}',
        '**vet**',
        `url(http://127.0.0.1:${port}/y)`,
      ];
      const style = `<style>body { background: url(http://127.0.0.1:${port}/z.png) }</style>`;
      root = copyExamples([ORG]);
      editIncident(
        root,
        '2026-204',
        (doc) => {
          doc.setIn(['id'], '2026-299');
          doc.setIn(['what', 'facts'], `Vijandige invoer: ${hostile.join(' en ')} einde.`);
          doc.setIn(['measures', 'taken'], [`Maatregel met ${style}`, 'Wachtwoord gewijzigd.']);
        },
        '2026-299',
      );
      out = tempDir();
      try {
        const r = await runBuild({ root, outDir: out, now: NOW });
        expect(r.failed).toEqual([]);
        expect(r.written.map((w) => w.path)).toContain(`${ORG}/2026-299/brief-betrokkene.pdf`);
        // values are escaped before Chromium sees them, so it may have had nothing to block
        expect(r.pdf?.blockedRequests).toBeGreaterThanOrEqual(0);
      } finally {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      expect(hits).toEqual([]);

      const problems: string[] = [];
      for (const doc of ['brief-betrokkene', 'melding-gba']) {
        for (const format of ['docx', 'pdf'] as const) {
          const rel = `${ORG}/2026-299/${doc}.${format}`;
          const text = format === 'docx' ? docxText(readFileSync(path.join(out, rel))) : await pdfText(path.join(out, rel));
          for (const s of [...hostile, 'Vijandige invoer:']) if (!squash(text).includes(squash(s))) problems.push(`${rel} lacks ${s}`);
          // markdown was not interpreted: no bold "vet" without its asterisks
          if (!text.includes('**vet**')) problems.push(`${rel} lost the asterisks of **vet**`);
        }
      }
      // the <style> in a measure is text as well (the letter lists the measures)
      const letter = await pdfText(path.join(out, `${ORG}/2026-299/brief-betrokkene.pdf`));
      if (!squash(letter).includes(squash(style))) problems.push('the letter PDF lacks the <style> text');
      const register = await pdfText(path.join(out, ORG, 'register.pdf'), { raw: true });
      if (!squash(register).includes(squash('<script>alert(1)</script>'))) problems.push('the register PDF lacks the <script> text');
      expect(problems).toEqual([]);
    });

    it('a second build on a locked output folder fails clearly (DL-BUILD-LOCKED) and leaves the files intact', async () => {
      expect(out, 'needs the previous test').toBeDefined();
      const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      children.push(holder);
      writeFileSync(path.join(out, LOCK), `${holder.pid}\n`);
      const before = hashTree(out);
      const mtimes = Object.fromEntries(Object.keys(before).map((f) => [f, statSync(path.join(out, f)).mtimeMs]));

      await expect(runBuild({ root, outDir: out, now: NOW })).rejects.toMatchObject({ code: 'DL-BUILD-LOCKED', pid: holder.pid });
      const r = await run(['build', '--now', NOW_ISO, '--out', out], root);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain('another datalek build');
      expect(r.err).toContain(`process ${holder.pid}`);
      expect(r.err).toContain(LOCK);
      expect(r.err).not.toMatch(/internal error|\bat .+:\d+:\d+\)/);

      expect(hashTree(out)).toEqual(before); // the lock file of the first build included
      expect(Object.fromEntries(Object.keys(before).map((f) => [f, statSync(path.join(out, f)).mtimeMs]))).toEqual(mtimes);
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    });

    it('two real builds at once on one folder: the second fails, the first completes', async () => {
      ensureBuilt();
      const dir = tempDir();
      const first = spawnDatalek(['build', '--now', NOW_ISO, '--out', dir], { cwd: root });
      const started = Date.now();
      while (!existsSync(path.join(dir, LOCK)) && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(existsSync(path.join(dir, LOCK)), 'the first build never took the lock').toBe(true);
      const second = await run(['build', '--now', NOW_ISO, '--out', dir], root);
      const a = await first;
      expect(second.code).toBe(1);
      expect(second.err).toContain('another datalek build');
      expect(a.code, a.err).toBe(0);
      expect(documents(dir)).toEqual(expectedFiles(root, await triageOf(root)));
      expect(existsSync(path.join(dir, LOCK))).toBe(false);
    });

    it('a build of one incident path writes its documents, leaves the registers alone, and says so', async () => {
      const incident = path.join(root, 'incidents', ORG, '2026-203.yaml');
      // into a fresh folder: no register at all
      const fresh = tempDir();
      const r = await run(['build', incident, '--now', NOW_ISO, '--out', fresh], root);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/Registers were not rebuilt/);
      expect(documents(fresh)).toEqual([`${ORG}/2026-203/melding-gba.docx`, `${ORG}/2026-203/melding-gba.pdf`]);
      // into the folder of the full build: the registers stay exactly as they were
      const registers = [`${ORG}/register.docx`, `${ORG}/register.pdf`, `${ORG}/register.csv`];
      const before = registers.map((f) => [readFileSync(path.join(out, f)).toString('base64'), statSync(path.join(out, f)).mtimeMs]);
      const again = await runBuild({ root, outDir: out, now: NOW, paths: [incident] });
      expect(again.registers).toBe(false);
      expect(again.removed).toEqual([]);
      expect([...again.written, ...((again as { upToDate?: typeof again.written }).upToDate ?? [])].map((w) => w.path).sort()).toEqual([
        `${ORG}/2026-203/melding-gba.docx`,
        `${ORG}/2026-203/melding-gba.pdf`,
      ]);
      expect(registers.map((f) => [readFileSync(path.join(out, f)).toString('base64'), statSync(path.join(out, f)).mtimeMs])).toEqual(before);
    });
  });

  it('a letter no longer needed after a change (risk lowered) is removed by the next full build', async () => {
    const root = copyExamples([ORG]);
    const out = tempDir();
    const first = await runBuild({ root, outDir: out, now: NOW });
    expect(first.failed).toEqual([]);
    const letter = [`${ORG}/2026-204/brief-betrokkene.docx`, `${ORG}/2026-204/brief-betrokkene.pdf`];
    for (const f of letter) expect(existsSync(path.join(out, f))).toBe(true);

    editIncident(root, '2026-204', (doc) => {
      doc.setIn(['risk_assessment'], {
        level: 'risk',
        assessed_by: 'Sofie Vermeulen, kantoormanager',
        assessed_at: '2026-11-22T10:00:00+01:00',
        rationale:
          'Uit de analyse van de auditlogboeken blijkt dat geen berichten of bijlagen zijn gedownload; een hoog risico voor de betrokkenen is daarom niet waarschijnlijk. Het kantoor meldt wel bij de GBA.',
      });
    });
    const triage = await triageOf(root);
    expect(triage.find((t) => t.id === '2026-204')).toMatchObject({ notifyDataSubjects: false, notifyAuthority: true });

    const r = await run(['build', '--now', NOW_ISO, '--out', out], root);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Removed 2 files that no longer apply/);
    for (const f of letter) {
      expect(r.out).toContain(f);
      expect(existsSync(path.join(out, f)), f).toBe(false);
    }
    expect(documents(out)).toEqual(expectedFiles(root, triage));
    expect(documents(out)).toContain(`${ORG}/2026-204/melding-gba.pdf`);
  });
});
