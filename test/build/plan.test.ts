/**
 * The order of the build's jobs: registers (organisation scope) first, the longest first, so the
 * longest print starts at once; then every incident document, office by office and incident by
 * incident. Or, when everything is due, office by office, the smallest first (orderJobs), so that
 * the largest register is rendered once the other offices' incidents are freed.
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { loadOrganisationPacks } from '../../src/project/packs.js';
import { planBuild } from '../../src/build/plan.js';

const REPO = path.resolve(__dirname, '../..');
const NOW = new Date('2026-11-22T12:00:00+01:00');

describe('planBuild order', () => {
  it('puts the registers first, the one with the most rows first, then the incident documents by office', async () => {
    const project = await loadProject({ root: REPO, now: NOW });
    const { packs } = await loadOrganisationPacks(REPO, project.validation.organisations);
    const plan = planBuild({ packs, triaged: project.triaged, organisationDocuments: true });
    const registers = plan.jobs.filter((j) => j.rows !== undefined);
    expect(registers.length).toBe(packs.size);
    expect(plan.jobs.slice(0, registers.length)).toEqual(registers);
    const sizes = registers.map((j) => j.rows!.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBeGreaterThan(1); // the examples' offices differ in size, so the order is tested
    const rest = plan.jobs.slice(registers.length).map((j) => j.base);
    expect(rest.every((b) => b.split('/').length === 3)).toBe(true);
    const orgsInOrder = rest.map((b) => b.split('/')[0]!);
    expect(orgsInOrder).toEqual([...orgsInOrder].sort());
    // one incident's documents follow each other (they share their data while rendered)
    const incidentsInOrder = rest.map((b) => b.split('/').slice(0, 2).join('/'));
    const runs = incidentsInOrder.filter((k, i) => i === 0 || incidentsInOrder[i - 1] !== k);
    expect(runs).toEqual([...new Set(incidentsInOrder)]);
    expect(runs.length).toBeLessThan(incidentsInOrder.length); // some incident has several documents, so this is tested
    // without organisation documents (a build of some incidents) there are no registers at all
    const some = planBuild({ packs, triaged: project.triaged, organisationDocuments: false });
    expect(some.jobs.map((j) => j.base)).toEqual(rest);
  });

  it('narrowed to some incidents: their documents only, and every register with all its rows', async () => {
    const project = await loadProject({ root: REPO, now: NOW });
    const { packs } = await loadOrganisationPacks(REPO, project.validation.organisations);
    const all = planBuild({ packs, triaged: project.triaged, organisationDocuments: true });
    const [a, b] = [project.triaged[0]!, project.triaged[project.triaged.length - 1]!];
    const keys = new Set([a, b].map((t) => `${t.organisation.id}/${t.incident.id}`));
    const narrowed = planBuild({ packs, triaged: project.triaged, organisationDocuments: true, incidents: keys });
    const expected = all.jobs.filter((j) => j.rows !== undefined || keys.has(`${j.org.organisation.id}/${j.incident!.incident.id}`));
    expect(narrowed.jobs.map((j) => j.base)).toEqual(expected.map((j) => j.base));
    expect(narrowed.jobs.filter((j) => j.rows === undefined).length).toBeGreaterThan(1);
    expect(narrowed.jobs.filter((j) => j.rows === undefined).length).toBeLessThan(all.jobs.filter((j) => j.rows === undefined).length);
    for (const j of narrowed.jobs.filter((x) => x.rows !== undefined)) {
      expect(j.rows).toEqual(all.jobs.find((x) => x.base === j.base)!.rows);
    }
    // an empty selection plans the registers alone
    expect(planBuild({ packs, triaged: project.triaged, organisationDocuments: true, incidents: new Set() }).jobs.every((j) => j.rows !== undefined)).toBe(true);
  });
});

describe('the build pool', () => {
  it('runs every job once, in order, at most `size` at a time and at most one heavy job at a time', async () => {
    const { pool } = await import('../../src/build/run.js');
    const items = Array.from({ length: 40 }, (_, i) => ({ i, heavy: i % 10 === 3 }));
    let running = 0;
    let heavyRunning = 0;
    let maxRunning = 0;
    let maxHeavy = 0;
    const events: string[] = [];
    await pool(
      items,
      4,
      async (item) => {
        running++;
        if (item.heavy) heavyRunning++;
        maxRunning = Math.max(maxRunning, running);
        maxHeavy = Math.max(maxHeavy, heavyRunning);
        events.push(`start ${item.i}`);
        await new Promise((r) => setTimeout(r, item.heavy ? 15 : 2));
        events.push(`end ${item.i}`);
        running--;
        if (item.heavy) heavyRunning--;
      },
      (item) => item.heavy,
    );
    const started = events.filter((e) => e.startsWith('start')).map((e) => Number(e.slice(6)));
    expect([...started].sort((a, b) => a - b)).toEqual(items.map((x) => x.i));
    expect(maxRunning).toBe(4);
    expect(maxHeavy).toBe(1);
    // light jobs start in their order, heavy ones in theirs; the first heavy one when it comes up
    const light = started.filter((i) => i % 10 !== 3);
    const heavyOnes = started.filter((i) => i % 10 === 3);
    expect(light).toEqual([...light].sort((a, b) => a - b));
    expect(heavyOnes).toEqual([3, 13, 23, 33]);
    expect(started.slice(0, 4)).toEqual([0, 1, 2, 3]);
    // a heavy job passed over while another ran starts as soon as that one ends
    for (const [before, after] of [[3, 13], [13, 23], [23, 33]] as const) {
      const end = events.indexOf(`end ${before}`);
      const start = events.indexOf(`start ${after}`);
      expect(start).toBeGreaterThan(end);
      expect(events.slice(end, start).filter((e) => e.startsWith('start')).length).toBeLessThanOrEqual(3);
    }
    // with no heavy jobs it is a plain pool
    const order: number[] = [];
    await pool([1, 2, 3], 8, async (n) => void order.push(n));
    expect(order).toEqual([1, 2, 3]);
  });
});

describe('orderJobs', () => {
  it('office by office: the smallest office first, each with its register first, then its incident documents in plan order', async () => {
    const { orderJobs } = await import('../../src/build/plan.js');
    const project = await loadProject({ root: REPO, now: NOW });
    const { packs } = await loadOrganisationPacks(REPO, project.validation.organisations);
    const plan = planBuild({ packs, triaged: project.triaged, organisationDocuments: true });
    const ordered = orderJobs(plan.jobs, 'office-by-office');
    expect([...ordered].sort((a, b) => a.base.localeCompare(b.base))).toEqual([...plan.jobs].sort((a, b) => a.base.localeCompare(b.base)));
    const offices = ordered.map((j) => j.org.organisation.id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(offices).toEqual([...new Set(offices)]); // each office's jobs together
    const rows = offices.map((id) => plan.jobs.find((j) => j.rows !== undefined && j.org.organisation.id === id)!.rows!.length);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBeGreaterThan(1); // the examples' offices differ in size, so the order is tested
    for (const id of offices) {
      const own = ordered.filter((j) => j.org.organisation.id === id);
      expect(own[0]!.rows).toBeDefined();
      expect(own.slice(1).map((j) => j.base)).toEqual(plan.jobs.filter((j) => j.rows === undefined && j.org.organisation.id === id).map((j) => j.base));
    }
    expect(orderJobs(plan.jobs, 'registers-first').map((j) => j.base)).toEqual(plan.jobs.map((j) => j.base));
  });
});

describe('the build pool lets go of finished jobs', () => {
  // In a child process with --expose-gc: 200 jobs of 1 MB each, made so that only the pool holds
  // them. While the last one runs, after a full collection, at most the `size` jobs in flight
  // may still be alive. A pool that kept its jobs until it returned (as it did) kept all 200.
  it('frees each job once its work is done, while the other jobs still run', () => {
    const RUN = pathToFileURL(path.resolve(__dirname, '../../dist/build/run.js')).href;
    const script = `
      const { pool } = await import(${JSON.stringify(RUN)});
      const refs = [];
      const make = () => Array.from({ length: 200 }, (_, i) => { const job = { i, payload: new Uint8Array(1 << 20) }; refs.push(new WeakRef(job)); return job; });
      let alive = -1;
      await pool(make(), 4, async (job) => {
        await new Promise((r) => setTimeout(r, 1));
        if (job.i === 199) { await new Promise((r) => setTimeout(r, 20)); gc(); alive = refs.filter((r) => r.deref() !== undefined).length; }
      });
      process.stdout.write(String(alive));
    `;
    const alive = Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(alive).toBeGreaterThanOrEqual(1); // the job running
    expect(alive).toBeLessThanOrEqual(4);
  });
});

describe('office by office, the largest register has only its own office alive', () => {
  // In a child process with --expose-gc: three offices of 10, 20 and 40 incidents of 1 MB each,
  // planned as the build plans (a register holding its office's incidents as rows, then one
  // document per incident), run through orderJobs and the pool. While the largest office's
  // register runs, after a full collection, only that office's incidents may be alive; registers
  // first, every incident is.
  const RUN = pathToFileURL(path.resolve(__dirname, '../../dist/build/run.js')).href;
  const PLAN = pathToFileURL(path.resolve(__dirname, '../../dist/build/plan.js')).href;
  const aliveDuringLargestRegister = (order: string): number =>
    Number(
      execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--input-type=module',
          '-e',
          `
      const { pool } = await import(${JSON.stringify(RUN)});
      const { orderJobs } = await import(${JSON.stringify(PLAN)});
      const refs = [];
      const make = () => {
        const jobs = [];
        for (const [id, n] of [['b-kantoor', 20], ['c-kantoor', 40], ['a-kantoor', 10]]) {
          const org = { organisation: { id } };
          const incidents = Array.from({ length: n }, (_, i) => { const t = { id: id + i, payload: new Uint8Array(1 << 20) }; refs.push(new WeakRef(t)); return t; });
          jobs.push({ base: id + '/register', org, rows: incidents });
          for (const t of incidents) jobs.push({ base: id + '/' + t.id + '/brief', org, incident: t });
        }
        return jobs;
      };
      let alive = -1;
      await pool(orderJobs(make(), ${JSON.stringify(order)}), 4, async (job) => {
        await new Promise((r) => setTimeout(r, 1));
        if (job.rows?.length === 40) { await new Promise((r) => setTimeout(r, 20)); gc(); alive = refs.filter((r) => r.deref() !== undefined).length; }
      }, (job) => job.rows !== undefined);
      process.stdout.write(String(alive));
    `,
        ],
        { encoding: 'utf8' },
      ),
    );

  it('frees the smaller offices before the largest register', () => {
    expect(aliveDuringLargestRegister('office-by-office')).toBe(40);
    expect(aliveDuringLargestRegister('registers-first')).toBe(70);
  });
});
