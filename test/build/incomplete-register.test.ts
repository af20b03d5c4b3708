/**
 * A register built while incident files have errors lacks their rows: the build says so, for the
 * organisations those files may belong to.
 */
import { describe, expect, it } from 'vitest';
import { incompleteRegisters, type DocumentJob } from '../../src/build/plan.js';

const job = (org: string, register: boolean): DocumentJob =>
  ({
    base: register ? `${org}/register` : `${org}/X-1/brief`,
    org: { organisation: { id: org }, dir: `templates/${org}` },
    document: { id: register ? 'register' : 'brief' },
    formats: ['pdf'],
    ...(register ? { rows: [] } : {}),
  }) as unknown as DocumentJob;

const orgs = new Set(['a', 'b']);
const jobs = [job('a', true), job('b', true), job('a', false)];
const flagged = (files: string[]) =>
  incompleteRegisters(jobs, new Set(files), orgs).map((d) => `${d.file} ${d.code} ${d.severity} ${d.message}`);

describe('incompleteRegisters', () => {
  it('says nothing when every file could be read', () => {
    expect(flagged([])).toEqual([]);
  });

  it("names the files in an organisation's own folder, for its register only", () => {
    expect(flagged(['incidents/a/2.yaml', 'incidents/a/1.yaml'])).toEqual([
      'templates/a/organisation.yaml DL-BUILD-REGISTER-INCOMPLETE warning register: built without the incidents of 2 files that have errors (incidents/a/1.yaml, incidents/a/2.yaml); it lacks their rows until they are fixed',
    ]);
  });

  it('counts a file outside any organisation folder, or in an unknown one, for every register', () => {
    expect(flagged(['incidents/loose.yaml'])).toHaveLength(2);
    expect(flagged(['incidents/onbekend/1.yaml'])).toHaveLength(2);
    expect(flagged(['incidents/b/1.yaml'])).toEqual([
      'templates/b/organisation.yaml DL-BUILD-REGISTER-INCOMPLETE warning register: built without the incident of 1 file that has errors (incidents/b/1.yaml); it lacks its row until it is fixed',
    ]);
  });

  it('names five files and counts the rest', () => {
    const files = Array.from({ length: 8 }, (_, i) => `incidents/a/${i}.yaml`);
    expect(flagged(files)[0]).toContain('incidents/a/4.yaml, and 3 more); it lacks their rows');
  });
});
