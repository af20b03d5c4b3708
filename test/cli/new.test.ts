/**
 * `datalek new`: the next free id, never overwriting, and a file that validates with warnings
 * only; among them the placeholder rule (DL-RULE-PLACEHOLDER) at every marked value.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { PLACEHOLDER } from '../../src/incident/new-incident.js';
import { validateSources } from '../../src/validate/index.js';
import { placeholdersFilledIn } from '../../src/validate/rules/placeholders.js';
import { CATALOGUE } from '../../src/diagnostics/catalogue.js';
import { RULES } from '../../src/validate/rules/index.js';
import { cleanTemp, run, tempProject } from './helpers.js';

const ORG = 'van-dam-advocaten';
const NOW_NEW = '2026-11-22T09:00:00+01:00';
const LATER = '2026-11-22T10:00:00+01:00';

afterAll(cleanTemp);

describe('datalek new', () => {
  it('creates incidents/<org>/<next id>.yaml, never overwrites, and refuses an id in use', async () => {
    // Two incidents of the year already exist, so the next free id is 2026-003.
    const root = tempProject([ORG], [`incidents/${ORG}/2026-001.yaml`, `incidents/${ORG}/2026-002.yaml`]);
    const first = await run(['new', '--org', ORG, '--title', 'USB-stick verloren', '--now', NOW_NEW], root);
    expect(first.code, first.err).toBe(0);
    const file3 = path.join(root, 'incidents', ORG, '2026-003.yaml');
    expect(first.out).toContain(`Created incidents/${ORG}/2026-003.yaml (incident 2026-003 of Van Dam Advocaten B.V.).`);
    const text3 = readFileSync(file3, 'utf8');
    expect(text3).toContain('id: "2026-003"');
    expect(text3).toContain('title: "USB-stick verloren"');
    expect(text3).toContain('aware_at: "2026-11-22T09:00:00+01:00"');

    const second = await run(['new', '--org', ORG, '--now', NOW_NEW], root);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain(`incidents/${ORG}/2026-004.yaml`);
    expect(readFileSync(file3, 'utf8')).toBe(text3);

    // An explicit id that is in use: exit 1, the file untouched.
    const before2 = readFileSync(path.join(root, 'incidents', ORG, '2026-002.yaml'), 'utf8');
    const clash = await run(['new', '--org', ORG, '--id', '2026-002', '--now', NOW_NEW], root);
    expect(clash.code).toBe(1);
    expect(clash.out).toBe('');
    expect(clash.err).toContain('id 2026-002 is already in use');
    expect(readFileSync(path.join(root, 'incidents', ORG, '2026-002.yaml'), 'utf8')).toBe(before2);

    const again = await run(['new', '--org', ORG, '--id', '2026-003', '--now', NOW_NEW], root);
    expect(again.code).toBe(1);
    expect(readFileSync(file3, 'utf8')).toBe(text3);
  });

  it('never overwrites a file whose name is free as an id but taken on disk', async () => {
    const root = tempProject([ORG]);
    const target = path.join(root, 'incidents', ORG, '2026-007.yaml');
    // A broken file (unparsable) still reserves its name.
    await run(['new', '--org', ORG, '--id', '2026-007', '--now', NOW_NEW], root);
    writeFileSync(target, 'id: [broken\n');
    const r = await run(['new', '--org', ORG, '--id', '2026-007', '--now', NOW_NEW], root);
    expect(r.code).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('id: [broken\n');
    // Without --id it takes the next one after the broken file's name.
    const next = await run(['new', '--org', ORG, '--now', NOW_NEW], root);
    expect(next.code, next.err).toBe(0);
    expect(existsSync(path.join(root, 'incidents', ORG, '2026-008.yaml'))).toBe(true);
  });

  it('starts a new year at 001 and picks the only organisation without --org', async () => {
    const root = tempProject([ORG], [`incidents/${ORG}/2026-001.yaml`]);
    const r = await run(['new', '--now', '2027-01-01T00:30:00+01:00'], root);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(path.join(root, 'incidents', ORG, '2027-001.yaml'))).toBe(true);
  });

  it('answers usage errors with exit 2: unknown organisation, several without --org, a bad id', async () => {
    const root = tempProject([ORG, 'boekhouding-claes']);
    const unknown = await run(['new', '--org', 'nope', '--now', NOW_NEW], root);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown organisation "nope"; known: boekhouding-claes, van-dam-advocaten');
    const several = await run(['new', '--now', NOW_NEW], root);
    expect(several.code).toBe(2);
    expect(several.err).toContain('choose one with --org');
    const bad = await run(['new', '--org', ORG, '--id', '../../etc/x', '--now', NOW_NEW], root);
    expect(bad.code).toBe(2);
    expect(existsSync(path.join(root, 'incidents'))).toBe(false);
  });

  it('writes a file that validates with no errors, warning at every placeholder', async () => {
    const root = tempProject([ORG]);
    expect((await run(['new', '--org', ORG, '--now', NOW_NEW], root)).code).toBe(0);
    const rel = `incidents/${ORG}/2026-001.yaml`;
    const lines = readFileSync(path.join(root, rel), 'utf8').split('\n');

    const human = await run(['validate', '--root', root, '--now', LATER], root);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toMatch(/^All valid: 1 incident and 1 organisation, \d+ warnings\.\n$/);

    const json = await run(['validate', '--json', '--now', LATER], root);
    expect(json.code).toBe(0);
    const ds = JSON.parse(json.out) as Diagnostic[];
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    const placeholders = ds.filter((d) => d.code === 'DL-RULE-PLACEHOLDER');
    // No --title: the title is marked too.
    expect(placeholders.map((d) => d.field)).toEqual(['title', 'what.facts', 'what.discovery', 'measures.taken[0]']);
    for (const d of placeholders) {
      expect(d.file).toBe(rel);
      expect(d.severity).toBe('warning');
      expect(d.message).toContain(PLACEHOLDER);
      expect(d.hint).toBeTruthy();
      // line:column is the opening quote of the value that holds the marker
      const line = lines[d.line - 1]!;
      expect(line.slice(d.column - 1)).toMatch(new RegExp(`^"${PLACEHOLDER.replace(/[[\]]/g, '\\$&')}`));
    }
    expect(human.err).toContain(
      `${rel}:${placeholders[1]!.line}:10: what.facts: not filled in yet: it still holds the marker '${PLACEHOLDER}' (warning DL-RULE-PLACEHOLDER)`,
    );

    // The new incident can be triaged at once and shows up as open.
    const status = await run(['status', '--json', '--now', LATER], root);
    expect(status.code).toBe(0);
    expect((JSON.parse(status.out) as { incidentId: string }[]).some((d) => d.incidentId === '2026-001')).toBe(true);
  });
});

describe('the placeholder rule', () => {
  it('is registered, with a catalogue entry that is a warning', () => {
    expect(RULES).toContain(placeholdersFilledIn);
    expect(CATALOGUE['DL-RULE-PLACEHOLDER'].severity).toBe('warning');
  });

  it('finds the marker anywhere in a string value, in lists and nested groups, and nowhere else', () => {
    const org = readFileSync(path.join(tempProject([ORG]), 'templates', ORG, 'organisation.yaml'), 'utf8');
    const text = [
      'id: "2026-001"',
      `organisation: ${ORG}`,
      `title: Laptop verloren ${PLACEHOLDER}`,
      'reporter:',
      '  name: Sanne Verbeek',
      'timeline:',
      '  discovered_at: 2026-11-22T09:00:00+01:00',
      '  aware_at: 2026-11-22T09:00:00+01:00',
      '  ongoing: true',
      'what:',
      `  facts: >-`,
      `    Lange tekst,`,
      `    met ${PLACEHOLDER} op de tweede regel.`,
      '  kind: other',
      '  nature: [availability]',
      '  availability_loss: temporary',
      '  malicious: false',
      '  exfiltration: unknown',
      'personal_data:',
      '  involved: true',
      '  kinds: [name]',
      'measures:',
      '  taken:',
      '    - Gedaan.',
      `    - '${PLACEHOLDER}'`,
      '# a comment with [in te vullen] is not a value',
      '',
    ].join('\n');
    const r = validateSources(
      [
        { file: `templates/${ORG}/organisation.yaml`, text: org, kind: 'organisation' },
        { file: `incidents/${ORG}/2026-001.yaml`, text, kind: 'incident' },
      ],
      { now: new Date('2026-11-22T12:00:00Z'), rules: [placeholdersFilledIn] },
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.field])).toEqual([
      ['DL-RULE-PLACEHOLDER', 3, 8, 'title'],
      ['DL-RULE-PLACEHOLDER', 11, 10, 'what.facts'],
      ['DL-RULE-PLACEHOLDER', 25, 7, 'measures.taken[1]'],
    ]);
  });
});
