import { describe, expect, it } from 'vitest';
import { compareVersions, isValidRange, parseVersion, satisfies } from '../../src/packs/semver.js';

describe('satisfies', () => {
  const cases: [string, string, boolean][] = [
    ['2.1.0', '2.1.0', true],
    ['2.1.1', '2.1.0', false],
    ['2.1.0', '=2.1.0', true],
    ['2.1.0', 'v2.1.0', true],
    ['2.5.3', '^2.1.0', true],
    ['3.0.0', '^2.1.0', false],
    ['2.0.9', '^2.1.0', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['1.9.0', '^1', true],
    ['2.0.0', '^1', false],
    ['2.1.9', '~2.1.0', true],
    ['2.2.0', '~2.1.0', false],
    ['2.9.0', '~2', true],
    ['2.1.0', '>=2.1.0', true],
    ['9.0.0', '>=2.1.0', true],
    ['2.0.0', '>=2.1.0', false],
    ['2.0.0', '>2.0.0', false],
    ['2.0.1', '>2.0.0', true],
    ['2.9.9', '<3', true],
    ['3.0.0', '<3', false],
    ['2.1.5', '<=2.1', true],
    ['2.2.0', '<=2.1', false],
    ['2.4.0', '>=2.1.0 <3.0.0', true],
    ['3.0.0', '>=2.1.0 <3.0.0', false],
    ['1.5.0', '^1.2.0 || ^2.0.0', true],
    ['2.5.0', '^1.2.0 || ^2.0.0', true],
    ['3.0.0', '^1.2.0 || ^2.0.0', false],
    ['2.1.7', '2.1', true],
    ['2.2.0', '2.1.x', false],
    ['2.1.3', '2.1.*', true],
    ['7.7.7', '*', true],
    ['7.7.7', '', true],
    ['1.5.0', '1.2.3 - 2.0.0', true],
    ['2.0.1', '1.2.3 - 2.0.0', false],
    ['2.0.0', '>= 1.0.0', true],
    // prereleases only when the range names one of the same version
    ['2.2.0-beta.1', '^2.1.0', false],
    ['3.0.0-0', '^2.1.0', false],
    ['2.1.0-rc.2', '^2.1.0-rc.1', true],
    ['2.1.0-rc.1', '^2.1.0-rc.2', false],
    ['2.1.0', '^2.1.0-rc.1', true],
    ['2.1.0+build.5', '2.1.0', true],
  ];
  it.each(cases)('%s in %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('says undefined for what it cannot read', () => {
    expect(satisfies('2.1', '^2.1.0')).toBeUndefined();
    expect(satisfies('2.1.0', '^two')).toBeUndefined();
    expect(isValidRange('latest')).toBe(false);
    expect(isValidRange('^2.1.0')).toBe(true);
  });

  it('orders versions, prereleases first', () => {
    const sorted = ['1.0.0', '1.0.0-rc.1', '1.0.0-alpha', '1.0.0-alpha.1', '0.9.9', '1.0.0-alpha.beta', '1.0.0-beta.11', '1.0.0-beta.2']
      .map((v) => parseVersion(v)!)
      .sort(compareVersions)
      .map((v) => `${v.major}.${v.minor}.${v.patch}${v.prerelease.length ? '-' + v.prerelease.join('.') : ''}`);
    expect(sorted).toEqual(['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0']);
  });
});
