import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newIncidentYaml, nextIncidentId, PLACEHOLDER } from '../../src/incident/new-incident.js';
import { localIso, offsetAt } from '../../src/incident/instant.js';

describe('nextIncidentId', () => {
  it.each([
    [[], 2026, '2026-001'],
    [['2026-001', '2026-002'], 2026, '2026-003'],
    [['2026-001', '2026-214', '2025-999'], 2026, '2026-215'],
    [['2025-007'], 2026, '2026-001'],
    [['2026-abc', '2026-009'], 2026, '2026-010'],
    [['2026-1200'], 2026, '2026-1201'],
  ])('after %j in %i gives %s', (ids, year, expected) => {
    expect(nextIncidentId(ids, year)).toBe(expected);
  });
});

describe('offsets across daylight saving time', () => {
  it.each([
    ['2026-03-29T00:59:00Z', 'Europe/Amsterdam', '+01:00', '2026-03-29T01:59:00+01:00'],
    ['2026-03-29T01:00:00Z', 'Europe/Amsterdam', '+02:00', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25T00:59:00Z', 'Europe/Brussels', '+02:00', '2026-10-25T02:59:00+02:00'],
    ['2026-10-25T01:00:00Z', 'Europe/Brussels', '+01:00', '2026-10-25T02:00:00+01:00'],
  ])('%s in %s is %s', (utc, zone, offset, local) => {
    expect(offsetAt(new Date(utc), zone)).toBe(offset);
    expect(localIso(new Date(utc), zone)).toBe(local);
    expect(Date.parse(local)).toBe(Date.parse(utc));
  });
});

describe('newIncidentYaml', () => {
  const base = {
    id: '2026-007',
    organisation: 'van-dam-advocaten',
    reporter: { name: 'Mr. A. Jansen', email: 'a.jansen@vandam.example', phone: '020-555 0142' },
    now: new Date('2026-11-22T12:40:00Z'),
    zone: 'Europe/Amsterdam',
    schemaRef: '../../schemas/incident.schema.json',
  };

  it('starts with the editor hint and holds awareness in local time with offset', () => {
    const text = newIncidentYaml(base);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/incident.schema.json');
    const doc = parse(text);
    expect(doc.id).toBe('2026-007');
    expect(doc.timeline.aware_at).toBe('2026-11-22T13:40:00+01:00');
    expect(doc.personal_data.involved).toBe(true);
    expect(doc.what.facts).toContain(PLACEHOLDER);
  });

  it('keeps hostile titles literal', () => {
    const title = 'Lek: "quotes", #hash, {#tag}, *alias, &anchor\nnieuwe regel: ja';
    const doc = parse(newIncidentYaml({ ...base, title }));
    expect(doc.title).toBe(title);
  });
});
