/** The policy file: valid, documented, and a bad policy fails with a stable code. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_PATH,
  LOWER_CODES,
  loadRiskPolicy,
  parseRiskPolicy,
  RAISE_CODES,
  RiskPolicyError,
  type RiskPolicy,
} from '../../src/triage/index.js';

let policy: RiskPolicy;
let raw: Record<string, unknown>;
beforeAll(async () => {
  policy = await loadRiskPolicy();
  raw = JSON.parse(await readFile(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>;
});

const clone = () => structuredClone(raw) as Record<string, any>;

function issuesOf(json: unknown): string[] {
  try {
    parseRiskPolicy(json);
  } catch (e) {
    expect(e).toBeInstanceOf(RiskPolicyError);
    expect((e as RiskPolicyError).code).toBe('RISK_POLICY_INVALID');
    return (e as RiskPolicyError).issues;
  }
  throw new Error('expected the policy to be refused');
}

describe('risk policy', () => {
  it('the default policy loads from the package root and has an id and version', () => {
    expect(DEFAULT_POLICY_PATH).toMatch(/policy[/\\]risk-policy\.json$/);
    expect(policy.id).toBe('datalek-default');
    expect(policy.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(policy.bandLevel).toEqual({ low: 'none', medium: 'risk', high: 'high', very_high: 'high' });
    expect(policy.parameters.moreThanPeople).toBe(100);
  });

  it('every factor is in the file and explained in policy/README.md', async () => {
    const readme = await readFile(join(DEFAULT_POLICY_PATH, '..', 'README.md'), 'utf8');
    for (const code of [...RAISE_CODES, ...LOWER_CODES]) expect(readme, code).toContain(`\`${code}\``);
    for (const code of RAISE_CODES) expect(policy.raise[code]).toBeDefined();
    for (const code of LOWER_CODES) expect(policy.lower[code]).toBeDefined();
    for (const key of Object.keys(policy.parameters)) expect(readme, key).toContain(`\`${key}\``);
  });

  it('lists every problem of a bad policy at once, with its path', () => {
    const bad = clone();
    delete bad['version'];
    bad['bandLevel'].medium = 'maybe';
    bad['raise'].special_categories.level = 'none';
    bad['raise'].typo_factor = { enabled: true, level: 'risk' };
    bad['lower'].unintelligible.yieldsTo = ['no_such_factor'];
    bad['enisa'].ei.rules[0].value = 0.3;
    bad['enisa'].dataKinds.bsn = 'identity';
    bad['parameters'].restoredQuicklyHours = -1;
    const issues = issuesOf(bad);
    for (const expected of [
      'version: is required',
      'bandLevel.medium: must be one of',
      'raise.special_categories.level: must be one of "risk", "high"',
      'raise.typo_factor: is not a known key',
      'lower.unintelligible.yieldsTo[0]: must be one of',
      'enisa.ei.rules[0].value: must be one of 0.25, 0.5, 0.75, 1',
      'enisa.dataKinds.bsn: must be one of',
      'parameters.restoredQuicklyHours: must be a number from 0',
    ]) {
      expect(issues.some((i) => i.startsWith(expected)), `${expected} in ${issues.join('\n')}`).toBe(true);
    }
  });

  it('refuses inconsistent bands and levels', () => {
    const bad = clone();
    bad['enisa'].bands = { medium: 3, high: 2, very_high: 4 };
    bad['bandLevel'] = { low: 'risk', medium: 'none', high: 'high', very_high: 'high' };
    const issues = issuesOf(bad);
    expect(issues).toContain('enisa.bands: must rise: medium < high < very_high');
    expect(issues).toContain('bandLevel: must not suggest a lower level for a more severe band');
  });

  it('refuses what is not an object', () => {
    expect(issuesOf(null)).toEqual(expect.arrayContaining(['(root): must be an object']));
    expect(issuesOf([])).toEqual(expect.arrayContaining(['(root): must be an object']));
  });

  it('tolerates documentation keys', () => {
    const doc = clone();
    doc['raise'].special_categories.note = 'art. 9';
    doc['description'] = 'x';
    expect(parseRiskPolicy(doc).raise.special_categories.level).toBe('risk');
  });

  it('loading: unreadable file and broken JSON have their own codes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'datalek-policy-'));
    await expect(loadRiskPolicy(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'RISK_POLICY_UNREADABLE' });
    await writeFile(join(dir, 'broken.json'), '{ "id": ');
    await expect(loadRiskPolicy(join(dir, 'broken.json'))).rejects.toMatchObject({ code: 'RISK_POLICY_NOT_JSON' });
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ id: 'x' }));
    const err = await loadRiskPolicy(join(dir, 'bad.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RiskPolicyError);
    expect(err).toMatchObject({ code: 'RISK_POLICY_INVALID', file: join(dir, 'bad.json') });
    expect((err as RiskPolicyError).message).toContain('bad.json');
  });
});
