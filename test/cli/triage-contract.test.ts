/**
 * The `datalek triage --json` contract of DESIGN.md on the bundled examples, and what a lawyer
 * concluded for each of them (test/examples/expected.json).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, REPO, diagnosticLines, run, type RunResult } from './helpers.js';

interface Expected {
  personalData: boolean;
  breach: boolean;
  notifyAuthority: boolean;
  notifyDataSubjects: boolean;
  dataSubjectsExemption: string | null;
  authorityCode: string;
  late: boolean;
  branch: string;
}
const EXPECTED = JSON.parse(readFileSync(path.join(REPO, 'test/examples/expected.json'), 'utf8')) as Record<string, Expected>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const HOUR = 3_600_000;

let r: RunResult;
let outcomes: Json[];

beforeAll(async () => {
  r = await run(['triage', '--json', '--now', NOW]);
  outcomes = JSON.parse(r.out) as Json[];
});

describe('triage --json on the bundled examples', () => {
  it('exits 0 and prints nothing but one JSON array on stdout', () => {
    expect(r.code).toBe(0);
    expect(r.out.trimStart().startsWith('[')).toBe(true);
    expect(r.out.trimEnd().endsWith(']')).toBe(true);
    expect(Array.isArray(outcomes)).toBe(true);
    // Warnings of validation go to stderr, as diagnostics, never into the JSON.
    for (const l of diagnosticLines(r.err)) expect(l).toMatch(/^incidents\/[^:]+\.yaml:\d+:\d+: .*\((warning|error) DL-[A-Z-]+\)$/);
  });

  it('has one object per incident of the repository, and each expected example', () => {
    expect(outcomes.map((o) => o.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(outcomes.map((o) => o.file)).size).toBe(outcomes.length);
  });

  it('gives every object every contract key, with the right types', () => {
    for (const o of outcomes) {
      const where = `${o.id}`;
      expect(typeof o.id, where).toBe('string');
      expect(typeof o.organisation, where).toBe('string');
      expect(o.file, where).toBe(`incidents/${o.organisation}/${o.id}.yaml`);
      for (const k of ['personalData', 'breach', 'notifyAuthority', 'notifyDataSubjects']) expect(typeof o[k], `${where} ${k}`).toBe('boolean');
      expect(o.register, where).toBe(true);

      expect(['none', 'risk', 'high'], where).toContain(o.risk.level);
      expect(['assessed', 'suggested'], where).toContain(o.risk.source);
      const s = o.risk.suggested;
      expect(['none', 'risk', 'high'], where).toContain(s.level);
      for (const k of ['dpc', 'ei', 'cb', 'score']) expect(Number.isFinite(s.enisa[k]), `${where} enisa.${k}`).toBe(true);
      expect(['low', 'medium', 'high', 'very_high'], where).toContain(s.enisa.band);
      expect(s.enisa.score, where).toBeCloseTo(s.enisa.dpc * s.enisa.ei + s.enisa.cb, 9);
      expect(Array.isArray(s.factors), where).toBe(true);
      for (const f of s.factors) expect(typeof f, where).toBe('string');

      const a = o.authority;
      expect(['AP', 'GBA'], where).toContain(a.code);
      expect(a.deadline, where).toMatch(ISO_INSTANT);
      expect(a.notifiedAt === null || ISO_INSTANT.test(a.notifiedAt), where).toBe(true);
      expect(typeof a.late, where).toBe('boolean');
      expect(typeof a.lateReasonRequired, where).toBe('boolean');

      expect([null, 'encryption', 'subsequent_measures', 'disproportionate_effort', 'financial_undertaking'], where).toContain(o.dataSubjectsExemption);
      if (o.dataSubjectsExemption !== null) expect(o.notifyDataSubjects, where).toBe(false);

      expect(Array.isArray(o.path) && o.path.length > 0, where).toBe(true);
      expect(o.path[0].step, where).toBe(1);
      for (const p of o.path) {
        expect(['number', 'string'], where).toContain(typeof p.step);
        for (const k of ['question', 'answer', 'reason', 'basis']) {
          expect(typeof p[k], `${where} path ${p.step} ${k}`).toBe('string');
          expect(p[k].length, `${where} path ${p.step} ${k}`).toBeGreaterThan(0);
        }
        expect(p.basis, `${where} path ${p.step} cites an article`).toMatch(/art\./);
      }
      expect(Array.isArray(o.warnings), where).toBe(true);
      for (const w of o.warnings) expect(typeof w, where).toBe('string');
    }
  });

  it('sets the authority deadline at exactly 72 hours after awareness, and copies notified_at', () => {
    for (const o of outcomes) {
      const inc = parse(readFileSync(path.join(REPO, o.file), 'utf8')) as Json;
      const aware = Date.parse(String(inc.timeline.aware_at));
      expect(Date.parse(o.authority.deadline) - aware, o.id).toBe(72 * HOUR);
      const notified = inc.authority?.notified_at;
      expect(o.authority.notifiedAt === null ? null : Date.parse(o.authority.notifiedAt), o.id).toBe(notified === undefined ? null : Date.parse(String(notified)));
      // A person's judgement, when recorded, decides; otherwise the suggestion stands in.
      expect(o.risk.source, o.id).toBe(inc.risk_assessment ? 'assessed' : 'suggested');
      if (inc.risk_assessment) expect(o.risk.level, o.id).toBe(inc.risk_assessment.level);
      else expect(o.risk.level, o.id).toBe(o.risk.suggested.level);
    }
  });

  it.each(Object.entries(EXPECTED))('%s agrees with the lawyer (%#)', (id, want) => {
    const o = outcomes.find((x) => x.id === id);
    expect(o, id).toBeDefined();
    expect({
      personalData: o!.personalData,
      breach: o!.breach,
      notifyAuthority: o!.notifyAuthority,
      notifyDataSubjects: o!.notifyDataSubjects,
      dataSubjectsExemption: o!.dataSubjectsExemption,
      authorityCode: o!.authority.code,
      late: o!.authority.late,
    }, want.branch).toEqual({
      personalData: want.personalData,
      breach: want.breach,
      notifyAuthority: want.notifyAuthority,
      notifyDataSubjects: want.notifyDataSubjects,
      dataSubjectsExemption: want.dataSubjectsExemption,
      authorityCode: want.authorityCode,
      late: want.late,
    });
    // A late notification must carry reasons; the one late example has them.
    if (want.late) expect(o!.authority.lateReasonRequired).toBe(true);
  });

  it('the human output names every incident and its decision; one incident shows its decision path', async () => {
    const all = await run(['triage', '--now', NOW]);
    expect(all.code).toBe(0);
    for (const id of Object.keys(EXPECTED)) expect(all.out).toContain(`${id}  `);
    const one = await run(['triage', 'incidents/van-dam-advocaten/2026-006.yaml', '--now', NOW]);
    expect(one.code).toBe(0);
    expect(one.out).toContain('decision path:');
    expect(one.out).toContain('not informed: exemption encryption');
    expect(one.out).toMatch(/1 incident triaged/);
  });
});
