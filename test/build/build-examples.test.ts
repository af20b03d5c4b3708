/**
 * `datalek build --now 2026-11-22T12:00:00+01:00` on the bundled examples, end to end through the
 * real binary (one build shared by every test here): exactly the documents the triage calls for
 * are written, and each one holds the incident's facts, Dutch dates, the 72-hour deadline (the
 * authority summaries), the office's contact and no template left-overs. The expected file list
 * is derived from `triage --json` and the pack.yaml files, not from the build's own plan.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DUTCH_DATE_2026,
  NOW_ISO,
  REPO,
  cleanTemp,
  docxHeaderFooterText,
  docxText,
  dutchDateTime,
  ensureBuilt,
  exampleOrgs,
  expectedFiles,
  forbiddenIn,
  listFiles,
  parseCsv,
  pdfInfo,
  pdfText,
  phrase,
  run,
  spawnDatalek,
  squash,
  tempDir,
  type Spawned,
  type TriageJson,
} from '../fixtures/build/support.js';

interface Contact {
  name: string;
  email: string;
  phone: string;
}
interface OrgYaml {
  id: string;
  name: string;
  country: string;
  time_zone?: string;
  contacts: { breach_officer: Contact; management: Contact; dpo?: Contact };
}

let out: string;
let build: Spawned;
let report: {
  written: Array<{ path: string; format: string; document: string; organisation: string; incident: string | null }>;
  failed: unknown[];
  skippedIncidents: string[];
  removed: string[];
  registers: boolean;
  pdf: { documents: number; blockedRequests: number } | null;
};
let triage: TriageJson[];
let files: string[];
let all: string[];
const orgs = new Map<string, OrgYaml>();
const facts = new Map<string, string>(); // "<org>/<id>" -> what.facts

/** An incident id in extracted text, where a narrow column may wrap it after its hyphen ("2026-\\n005"). */
const idPattern = (id: string) => new RegExp(`(?<![\\w-])${id.split('-').join('-\\s*')}(?!\\d)`);
/** The runs of `n` consecutive words of a text, without overlap. */
const wordWindows = (text: string, n: number) => {
  const words = text.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i += n) out.push(words.slice(i, i + n).join(' '));
  return out;
};
const zoneOf = (o: OrgYaml) => o.time_zone ?? (o.country === 'BE' ? 'Europe/Brussels' : 'Europe/Amsterdam');
/** The contact a letter or an authority summary names: the DPO when the office has one, else the breach officer. */
const contactOf = (o: OrgYaml) => o.contacts.dpo ?? o.contacts.breach_officer;

beforeAll(async () => {
  ensureBuilt();
  out = tempDir('datalek-build-examples-');
  const [b, t] = await Promise.all([spawnDatalek(['build', '--now', NOW_ISO, '--out', out, '--json']), run(['triage', '--json', '--now', NOW_ISO])]);
  build = b;
  expect(t.code, t.err).toBe(0);
  triage = JSON.parse(t.out) as TriageJson[];
  all = listFiles(out);
  // the documents; files whose name starts with a dot are the build's own bookkeeping (e.g. a cache)
  files = all.filter((f) => !f.split('/').some((seg) => seg.startsWith('.')));
  for (const id of exampleOrgs()) orgs.set(id, parse(readFileSync(path.join(REPO, 'templates', id, 'organisation.yaml'), 'utf8')) as OrgYaml);
  for (const x of triage) {
    const incident = parse(readFileSync(path.join(REPO, x.file), 'utf8')) as { what: { facts: string } };
    facts.set(`${x.organisation}/${x.id}`, incident.what.facts);
  }
});

afterAll(cleanTemp);

describe('datalek build on the examples', () => {
  it('exits 0 and prints only JSON on stdout, with the written files and no failures', () => {
    expect(build.code, build.err).toBe(0);
    expect(() => (report = JSON.parse(build.out))).not.toThrow();
    expect(build.out.trim().startsWith('{')).toBe(true);
    expect(Array.isArray(report.written)).toBe(true);
    expect(report.failed).toEqual([]);
    expect(report.skippedIncidents).toEqual([]);
    expect(report.registers).toBe(true);
    // the counts agree with the disk
    expect(report.written.length).toBe(files.length);
    expect(report.written.map((w) => w.path).sort()).toEqual(files);
    for (const w of report.written) {
      const parts = w.path.split('/');
      expect(parts[0]).toBe(w.organisation);
      expect(w.path.endsWith(`/${w.document}.${w.format}`)).toBe(true);
      expect(w.incident).toBe(parts.length === 3 ? parts[1] : null);
    }
    expect(report.pdf?.documents).toBe(files.filter((f) => f.endsWith('.pdf')).length);
    // no lock and no temporary file is left behind
    expect(all.filter((f) => f.endsWith('.datalek-build.lock') || f.endsWith('.datalek-tmp'))).toEqual([]);
    expect(all.filter((f) => !files.includes(f) && f.includes('/'))).toEqual([]);
    // the human report goes to stderr only as diagnostics (here: warnings), never on stdout
    expect(build.err).not.toMatch(/\(error DL-/);
  });

  it('writes every document the triage calls for, and no other file', () => {
    const expected = expectedFiles(REPO, triage);
    expect(files).toEqual(expected);
    // sanity of the derivation itself: every office has its register, and something per kind is built
    for (const org of orgs.keys()) expect(files).toContain(`${org}/register.csv`);
    expect(files.some((f) => f.endsWith('/brief-betrokkene.pdf'))).toBe(true);
    expect(files.some((f) => f.endsWith('/melding-ap.pdf'))).toBe(true);
    expect(files.some((f) => f.endsWith('/melding-gba.pdf'))).toBe(true);
    // incidents for which nothing applies have no folder at all
    for (const t of triage.filter((x) => !x.notifyAuthority && !x.notifyDataSubjects && !x.breach)) {
      expect(files.filter((f) => f.startsWith(`${t.organisation}/${t.id}/`))).toEqual([]);
    }
  });

  it('each incident DOCX and PDF holds the facts, a Dutch date, the contact, the deadline where due, and no left-overs', async () => {
    const problems: string[] = [];
    const incidentFiles = files.filter((f) => f.split('/').length === 3 && /\.(docx|pdf)$/.test(f));
    expect(incidentFiles.length).toBeGreaterThan(10);
    await Promise.all(
      incidentFiles.map(async (rel) => {
        const [org, id, name] = rel.split('/') as [string, string, string];
        const document = name.replace(/\.(docx|pdf)$/, '');
        const o = orgs.get(org)!;
        const t = triage.find((x) => x.organisation === org && x.id === id)!;
        const abs = path.join(out, rel);
        const bad = (what: string) => problems.push(`${rel}: ${what}`);
        let text: string;
        let extra = '';
        if (rel.endsWith('.docx')) {
          const bytes = readFileSync(abs);
          text = docxText(bytes);
          extra = docxHeaderFooterText(bytes);
        } else {
          text = await pdfText(abs);
          const info = await pdfInfo(abs);
          if (info['Tagged'] !== 'yes') bad(`not tagged (pdfinfo Tagged: ${info['Tagged']})`);
          const pages = Number(info['Pages']);
          if (!(pages >= 1)) bad(`no pages (${info['Pages']})`);
          for (let p = 1; p <= pages; p++) {
            if (!(await pdfText(abs, { page: p })).includes(`pagina ${p} van ${pages}`)) bad(`page ${p} lacks "pagina ${p} van ${pages}"`);
          }
        }
        const flat = squash(text);
        const fact = phrase(facts.get(`${org}/${id}`)!);
        if (!flat.includes(squash(fact))) bad(`lacks the facts ("${fact}")`);
        if (!DUTCH_DATE_2026.test(text)) bad('lacks a Dutch date in 2026');
        const c = document.startsWith('brief') || document.startsWith('melding-ap') || document.startsWith('melding-gba') ? [contactOf(o)] : [contactOf(o), o.contacts.breach_officer];
        if (!c.some((x) => flat.includes(squash(x.phone)) && flat.includes(squash(x.email)))) bad(`lacks the phone and e-mail of ${c.map((x) => x.name).join(' or ')}`);
        if (document === 'melding-ap' || document === 'melding-gba') {
          if (!text.includes('72 uur')) bad('does not name the 72-hour term');
          const deadline = dutchDateTime(t.authority.deadline, zoneOf(o));
          if (!flat.includes(squash(deadline))) bad(`lacks the deadline "${deadline}"`);
        }
        const left = forbiddenIn(`${text}\n${extra}`);
        if (left.length > 0) bad(`holds ${left.map((x) => JSON.stringify(x)).join(', ')}`);
      }),
    );
    expect(problems.sort()).toEqual([]);
  });

  it('each register (DOCX, PDF, CSV) has one entry per incident of its office, with its facts', async () => {
    const problems: string[] = [];
    for (const [org, o] of orgs) {
      const mine = triage.filter((x) => x.organisation === org);
      const others = triage.filter((x) => x.organisation !== org);
      const bad = (what: string) => problems.push(`${org}/register: ${what}`);

      // DOCX
      const docxBytes = readFileSync(path.join(out, org, 'register.docx'));
      const dText = docxText(docxBytes);
      const dFlat = squash(dText);
      for (const x of mine) {
        if (!dFlat.includes(squash(phrase(facts.get(`${org}/${x.id}`)!)))) bad(`DOCX lacks the facts of ${x.id}`);
        if (dFlat.split(x.id).length - 1 < 1) bad(`DOCX lacks ${x.id}`);
      }
      for (const x of others) if (dFlat.includes(squash(phrase(facts.get(`${x.organisation}/${x.id}`)!)))) bad(`DOCX holds ${x.organisation}/${x.id}`);
      if (!DUTCH_DATE_2026.test(dText)) bad('DOCX lacks a Dutch date');
      if (!dText.includes(o.name)) bad('DOCX lacks the office name');
      if (!dText.includes(o.contacts.breach_officer.name)) bad('DOCX lacks the keeper of the register');
      const dLeft = forbiddenIn(`${dText}\n${docxHeaderFooterText(docxBytes)}`);
      if (dLeft.length > 0) bad(`DOCX holds ${dLeft.join(', ')}`);

      // PDF: the whole text in reading order (table cells stay together), and page by page in layout
      const pdf = path.join(out, org, 'register.pdf');
      const info = await pdfInfo(pdf);
      if (info['Tagged'] !== 'yes') bad('PDF not tagged');
      const pages = Number(info['Pages']);
      const raw = await pdfText(pdf, { raw: true });
      const rFlat = squash(raw);
      for (const x of mine) {
        const n = raw.match(new RegExp(idPattern(x.id).source, 'g'))?.length ?? 0;
        if (n !== 1) bad(`PDF names ${x.id} ${n} times, not once (one row per incident)`);
        // a row may break across pages, which interleaves its cells in any text extraction:
        // nearly every run of four words of the facts must be there
        const windows = wordWindows(facts.get(`${org}/${x.id}`)!, 4);
        const found = windows.filter((w) => rFlat.includes(squash(w))).length;
        if (found < 0.8 * windows.length) bad(`PDF lacks the facts of ${x.id} (${found} of ${windows.length} four-word runs found)`);
      }
      for (const x of others) if (idPattern(x.id).test(raw)) bad(`PDF names ${x.organisation}/${x.id}`);
      if (!DUTCH_DATE_2026.test(raw)) bad('PDF lacks a Dutch date');
      const pLeft = forbiddenIn(raw);
      if (pLeft.length > 0) bad(`PDF holds ${pLeft.join(', ')}`);
      for (let p = 1; p <= pages; p++) {
        const page = await pdfText(pdf, { page: p });
        if (!page.includes(`pagina ${p} van ${pages}`)) bad(`PDF page ${p} lacks "pagina ${p} van ${pages}"`);
        // the table header repeats on every page
        if (!(/\bNr\./.test(page) && squash(page).includes('Watisergebeurd'))) bad(`PDF page ${p} of ${pages} lacks the table header`);
      }

      // CSV: a header, then one row per incident
      const rows = parseCsv(readFileSync(path.join(out, org, 'register.csv'), 'utf8')).filter((r) => !(r.length === 1 && r[0] === ''));
      const [header, ...body] = rows;
      if (!header || header[0] !== 'Nummer') bad(`CSV header starts with ${JSON.stringify(header?.[0])}`);
      if (body.length !== mine.length) bad(`CSV has ${body.length} rows for ${mine.length} incidents`);
      expect(body.map((r) => r[0]).sort(), `${org} CSV`).toEqual(mine.map((x) => x.id).sort());
      for (const r of body) if (r.length !== header?.length) bad(`CSV row ${r[0]} has ${r.length} fields, the header ${header?.length}`);
      const cLeft = forbiddenIn(rows.flat().join('\n'));
      if (cLeft.length > 0) bad(`CSV holds ${cLeft.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
