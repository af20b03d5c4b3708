/**
 * Compiled tags, filter sets and checked templates are cached across renders (a build renders a
 * few templates thousands of times). The caches must never carry one render's setting into another:
 * the output function, the time zone and the template text each give their own result.
 */
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
});
