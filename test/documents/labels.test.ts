/** Every value of every closed list has a Dutch and a French label. */
import { describe, expect, it } from 'vitest';
import { INCIDENT_KIND_EN } from '../../src/model/labels-en.js';
import { LABELS_FR } from '../../src/documents/labels-fr.js';
import { LABELS_NL } from '../../src/documents/labels-nl.js';
import { LABELLED_LISTS, type Labels } from '../../src/documents/labels.js';

describe.each([
  ['nl', LABELS_NL],
  ['fr', LABELS_FR],
] as const)('labels %s', (_lang, labels: Labels) => {
  for (const [list, values] of Object.entries(LABELLED_LISTS)) {
    it(`has a label for every ${list}`, () => {
      const table = labels[list as keyof typeof LABELLED_LISTS] as Record<string, unknown>;
      for (const value of values) {
        const label = table[value];
        expect(typeof label, `${list}.${value}`).toBe('string');
        expect((label as string).trim(), `${list}.${value}`).not.toBe('');
        // a code printed as its own label means it was never translated (AP, GBA and "patients" in French are words too)
        if (list !== 'authorityShort' && value.includes('_')) expect(label, `${list}.${value} is not translated`).not.toBe(value.replaceAll('_', ' '));
      }
      expect(Object.keys(table).sort()).toEqual([...values].sort());
    });
  }

  it('does not reuse the English incident kinds', () => {
    for (const k of Object.keys(INCIDENT_KIND_EN) as (keyof typeof INCIDENT_KIND_EN)[]) expect(labels.incidentKind[k]).not.toBe(INCIDENT_KIND_EN[k]);
  });

  it('names the Belgian national register number for Belgian offices', () => {
    expect(labels.dataKindBelgium.bsn).toMatch(/rijksregister|registre national/);
  });
});

it('writes recipients_visible as an office would', () => {
  expect(LABELS_NL.incidentKind.recipients_visible).toBe('e-mail met ontvangers zichtbaar in aan/cc in plaats van bcc');
  expect(LABELS_NL.severity).toEqual({ negligible: 'verwaarloosbaar', limited: 'beperkt', significant: 'aanzienlijk', very_large: 'zeer groot' });
  expect(LABELS_NL.authority.GBA).toBe('Gegevensbeschermingsautoriteit');
  expect(LABELS_FR.authority.GBA).toBe('Autorité de protection des données');
});
