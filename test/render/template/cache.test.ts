/**
 * Compiled tags, filter sets and checked templates are cached across renders (a build renders a
 * few templates thousands of times). The caches must never carry one render's setting into another:
 * the output function, the time zone and the template text each give their own result, and a
 * compiled template rendered again gives what a fresh compile gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText, escapeMarkdown, isTemplateError } from '../../../src/render/template/index.js';
import { createFilters } from '../../../src/render/template/filters.js';

const same = (s: string): string => s;
const plain = { templatePath: 't.md', escape: same };
const md = { templatePath: 't.md', escape: escapeMarkdown };

describe('caches of the template layer', () => {
  it('keeps compiled tags apart per output function', () => {
    const t = 'Naam: {naam}';
    const data = { naam: '*vet* [link](x)' };
    const escaped = renderText(t, data, md);
    const raw = renderText(t, data, plain);
    expect(raw).toBe('Naam: *vet* [link](x)');
    expect(escaped).not.toBe(raw);
    expect(escaped).toBe(`Naam: ${escapeMarkdown('*vet* [link](x)')}`);
    // A fresh output function each time works too (and is not kept alive by the cache).
    expect(renderText(t, data, { templatePath: 't.md', escape: (s) => `[${s}]` })).toBe('Naam: [*vet* [link](x)]');
    // And again, in the other order, from the warm cache.
    expect(renderText(t, data, plain)).toBe(raw);
    expect(renderText(t, data, md)).toBe(escaped);
  });

  it('keeps compiled tags apart per time zone', () => {
    const t = '{moment | tijd}';
    const at = '2026-03-01T12:00:00Z';
    expect(renderText(t, { $zone: 'Europe/Amsterdam', moment: at }, plain)).toBe('13:00');
    expect(renderText(t, { $zone: 'America/New_York', moment: at }, plain)).toBe('07:00');
    expect(renderText(t, { $zone: 'Europe/Amsterdam', moment: at }, plain)).toBe('13:00');
  });

  it('gives one frozen filter set per zone, and still refuses a bad zone', () => {
    expect(createFilters({ zone: 'Europe/Brussels' })).toBe(createFilters({ zone: 'Europe/Brussels' }));
    expect(createFilters({ zone: 'Europe/Brussels' })).not.toBe(createFilters({ zone: 'Europe/Amsterdam' }));
    expect(Object.isFrozen(createFilters({ zone: 'Europe/Brussels' }))).toBe(true);
    expect(() => createFilters({ zone: 'Mars/Olympus' })).toThrow();
    expect(() => createFilters({ zone: 'Mars/Olympus' })).toThrow();
  });

  it('reports a missing value on every render, also once the tag is compiled', () => {
    for (let i = 0; i < 2; i++) {
      let err: unknown;
      try {
        renderText('Hallo {naam}', {}, plain);
      } catch (e) {
        err = e;
      }
      expect(isTemplateError(err)).toBe(true);
    }
    expect(renderText('Hallo {naam}', { naam: 'Anna' }, plain)).toBe('Hallo Anna');
  });

  it('fails a forbidden tag on every render, not only the first', () => {
    for (let i = 0; i < 2; i++) expect(() => renderText('{naam.toString()}', { naam: 'x' }, plain)).toThrow();
  });

  it('renders a compiled template again exactly as a fresh compile does, errors and all', () => {
    const t = [
      '# {titel}',
      '{#maatregelen}',
      '- {omschrijving} ({datum | datum}){#klaar} (klaar){/klaar}',
      '{/maatregelen}',
      '{^maatregelen}',
      'Geen maatregelen.',
      '{/maatregelen}',
      'Betrokkenen: {aantal}',
      '',
    ].join('\n');
    const text = fc.string({ maxLength: 12 });
    const maatregel = fc.record(
      { omschrijving: fc.oneof(text, fc.constant(undefined), fc.constant(['lijst'])), datum: fc.constantFrom('2026-03-01', '2025-12-31'), klaar: fc.boolean() },
      { requiredKeys: ['datum', 'klaar'] },
    );
    const data = fc.record({ titel: text, maatregelen: fc.array(maatregel, { maxLength: 4 }), aantal: fc.oneof(fc.nat(), fc.constant(undefined)) }, { requiredKeys: ['titel', 'maatregelen'] });
    const outcome = (escape: (s: string) => string, d: object): string => {
      try {
        return `ok ${renderText(t, d, { templatePath: 't.md', incident: 'X-1', escape })}`;
      } catch (e) {
        if (!isTemplateError(e)) throw e;
        return `error ${JSON.stringify(e.problems)}`;
      }
    };
    const fresh = (d: object) => outcome((s) => escapeMarkdown(s), d); // a new function: a new compile
    fc.assert(
      fc.property(fc.array(data, { minLength: 1, maxLength: 6 }), (all) => {
        for (const d of all) expect(outcome(escapeMarkdown, d)).toBe(fresh(d));
      }),
      { numRuns: 60 },
    );
  });
});
