/**
 * The order of the build's jobs: registers (organisation scope) first, the longest first, so the
 * longest print starts at once; then every incident document, in plan order.
 */
import path from 'node:path';
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
    // without organisation documents (a build of some incidents) there are no registers at all
    const some = planBuild({ packs, triaged: project.triaged, organisationDocuments: false });
    expect(some.jobs.map((j) => j.base)).toEqual(rest);
  });
});
