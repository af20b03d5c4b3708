/**
 * Properties over generated input (fast-check, bounded runs):
 *  - any object dumped to YAML validates or yields well-formed diagnostics, without throwing or
 *    polluting prototypes;
 *  - content put anywhere in a real incident never shows in a diagnostic unless asked for
 *    (--verbose): the redacted form of every message and hint leaves it out;
 *  - triage never throws on an incident that validated;
 *  - any text in the facts comes out literally in the DOCX and in the HTML of the PDF route:
 *    `<script>`, `{#x}`, `**` and their kind are data, never markup or template.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CATALOGUE } from '../../src/diagnostics/catalogue.js';
import { formatDiagnostic, redactDiagnostic } from '../../src/diagnostics/format.js';
import { incidentDocumentData } from '../../src/documents/index.js';
import type { Incident } from '../../src/model/incident.js';
import type { Organisation } from '../../src/model/organisation.js';
import type { Outcome } from '../../src/model/outcome.js';
import { renderDocx } from '../../src/render/docx/render.js';
import { markdownToHtml } from '../../src/render/markdown.js';
import { escapeMarkdown, renderText } from '../../src/render/template/index.js';
import { loadRiskPolicy, triage, type RiskPolicy } from '../../src/triage/index.js';
import { validateSources, type ValidationResult } from '../../src/validate/index.js';
import { incidentArb } from '../triage/arbitraries.js';
import { ORG, REPO, baseIncident } from './cases.js';
import { docxText, squash } from './harness.js';

const NOW = new Date('2026-11-22T12:00:00+01:00');
const ORG_FILE = { file: `templates/${ORG}/organisation.yaml`, text: readFileSync(path.join(REPO, 'templates', ORG, 'organisation.yaml'), 'utf8'), kind: 'organisation' as const };
const INCIDENT_FILE = `incidents/${ORG}/2026-900.yaml`;
const known = new Set(Object.keys(CATALOGUE));

/** `content`: text the test put into the file, which a message may quote (and which may itself hold "{a}"). */
function wellFormed(r: ValidationResult, content?: string): void {
  for (const d of r.diagnostics) {
    // Codes from the catalogue (or the template lint's, which validation does not run).
    expect(known.has(d.code), d.code).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.column).toBeGreaterThanOrEqual(0);
    expect(d.message.length).toBeGreaterThan(0);
    // No placeholder of the catalogue left unfilled (quoted content aside: it may hold anything).
    const own = (content ? d.message.split(content).join('') : d.message).replace(/'[^'\n]*'/g, "''");
    expect(own).not.toMatch(/\{[a-z]+\}|undefined|\[object Object\]|[\uE000\uE001]/);
    expect(d.message).not.toContain('\n');
  }
}

// ---- any object --------------------------------------------------------------------------------

/** Keys people and attackers write: field names, prototype names, odd text. */
const key = fc.oneof(
  fc.constantFrom('id', 'title', 'what', 'facts', 'timeline', 'aware_at', 'count', '__proto__', 'constructor', 'prototype', 'toString', '<<', ''),
  fc.string({ maxLength: 12 }),
);
const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-02-31T10:00:00+01:00', '1.000', '{#x}', '<script>', '**', '../x', 'CON', '\u0000', '\uD800'),
);
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 5 })),
}));

describe('any object, dumped to YAML', () => {
  it('validates or yields well-formed diagnostics; never throws; pollutes no prototype', () => {
    fc.assert(
      fc.property(tree, (value) => {
        let text: string;
        try {
          text = stringify(value);
        } catch {
          return; // not representable in YAML (e.g. a lone surrogate key): nothing to read
        }
        wellFormed(validateSources([ORG_FILE, { file: INCIDENT_FILE, text, kind: 'incident' }], { now: NOW }));
        wellFormed(validateSources([{ file: 'templates/x/organisation.yaml', text, kind: 'organisation' }], { now: NOW }));
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'id')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- content stays out of messages -------------------------------------------------------------

/** Text a careful tool must not repeat: it holds a space, so it can be no id, date or code. */
const secret = fc.string({ minLength: 1, maxLength: 20 }).map((s) => `Geheim ${s.replace(/[\uE000\uE001]/g, '')} Jansen`);

/** Every field path of the base incident, leaves and groups. */
function paths(v: unknown, p: string[] = [], out: string[][] = []): string[][] {
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) (out.push([...p, k]), paths(x, [...p, k], out));
  return out;
}

describe('content put anywhere in an incident', () => {
  const base = parse(baseIncident()) as Record<string, unknown>;
  const all = paths(base);

  it('shows in no redacted message or hint (what the CLI prints without --verbose)', () => {
    let quoted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        secret,
        fc.constantFrom('text', 'list', 'group', 'key', 'number-like'),
        (where, s, shape) => {
          const copy = parse(baseIncident()) as Record<string, unknown>;
          let cur = copy as Record<string, unknown>;
          for (const k of where.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
          const last = where[where.length - 1]!;
          const value = shape === 'text' ? s : shape === 'list' ? [s, 1] : shape === 'group' ? { a: s } : shape === 'number-like' ? `${s} 12` : undefined;
          if (shape === 'key') cur[`${last}_${s}`] = 1;
          else cur[last] = value;
          const r = validateSources([ORG_FILE, { file: INCIDENT_FILE, text: stringify(copy), kind: 'incident' }], { now: NOW });
          wellFormed(r, s);
          for (const d of r.diagnostics) {
            const shown = redactDiagnostic(d);
            // Field names are named on purpose (they say where to look); the value never is.
            const without = (t: string | undefined) => (t ?? '').split(d.field).join('');
            expect(without(shown.message), `${d.code}: ${d.message}`).not.toContain(s);
            expect(without(shown.hint), `${d.code}: ${d.hint}`).not.toContain(s);
            expect(without(formatDiagnostic(d, { redact: true }).replace(`${d.file}:`, ''))).not.toContain(s);
            expect(shown).not.toHaveProperty('redacted');
            if (d.message.includes(s)) quoted++;
          }
        },
      ),
      { numRuns: 200 },
    );
    // Not vacuous: the full messages (--verbose) do quote the content, often.
    expect(quoted).toBeGreaterThan(30);
  });
});

// ---- triage ------------------------------------------------------------------------------------

/** "what.exposure", "measures.taken[2]" -> ['what', 'exposure'], ['measures', 'taken', 2]. */
const fieldPath = (field: string): Array<string | number> =>
  [...field.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)].map((m) => (m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`))) as string | number);

function remove(root: Record<string, unknown>, at: Array<string | number>): void {
  let cur: unknown = root;
  for (const k of at.slice(0, -1)) cur = (cur as Record<string | number, unknown> | undefined)?.[k];
  if (cur && typeof cur === 'object') delete (cur as Record<string | number, unknown>)[at[at.length - 1]!];
}

describe('triage on generated incidents that validated', () => {
  let policy: RiskPolicy;
  beforeAll(async () => {
    policy = await loadRiskPolicy();
  });

  /**
   * The generated incidents are valid in shape, not always by the schema and rules (a detail
   * for a nature the breach does not have, a minimum without a maximum): drop each field that has
   * an error (the group, for a missing field) until the incident validates, a few rounds at most.
   */
  /** The example offices: real organisation files, valid by the schema (organisationArb's are valid in shape only). */
  const OFFICES = ['assurantiekantoor-bosman', 'boekhouding-claes', 'van-dam-advocaten'].map((id) => ({
    id,
    text: readFileSync(path.join(REPO, 'templates', id, 'organisation.yaml'), 'utf8'),
  }));
  /** Generated moments run to 2090: "now" lies after them, so none is in the future. */
  const LATER = new Date('2100-01-01T00:00:00Z');

  function validated(incident: Incident, office: { id: string; text: string }): { incident: Incident; organisation: Organisation } | undefined {
    const data = structuredClone({ ...incident, organisation: office.id }) as unknown as Record<string, unknown>;
    const file = `incidents/${office.id}/2026-001.yaml`;
    for (let round = 0; round < 6; round++) {
      const r = validateSources(
        [
          { file: `templates/${office.id}/organisation.yaml`, text: office.text, kind: 'organisation' },
          { file, text: stringify(data), kind: 'incident' },
        ],
        { now: LATER },
      );
      wellFormed(r);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) return r.incidents[0] && r.organisations[0] ? { incident: r.incidents[0].incident, organisation: r.organisations[0].organisation } : undefined;
      if (errors.some((d) => d.file !== file || d.field === '')) return undefined;
      for (const d of errors) {
        const at = fieldPath(d.field);
        remove(data, d.code === 'DL-SCHEMA-REQUIRED' || d.code === 'DL-SCHEMA-DEPENDENT' ? at.slice(0, -1) : at);
      }
    }
    return undefined;
  }

  it('never throws, and gives the same outcome twice', () => {
    let count = 0;
    fc.assert(
      fc.property(incidentArb, fc.constantFrom(...OFFICES), (generated, office) => {
        const ok = validated({ ...generated, id: '2026-001' } as Incident, office);
        if (!ok) return;
        count++;
        const options = { file: `incidents/${office.id}/2026-001.yaml`, now: LATER, policy };
        const outcome = triage(ok.incident, ok.organisation, options);
        expect(outcome.register).toBe(true);
        expect(outcome.path.length).toBeGreaterThan(0);
        expect(triage(ok.incident, ok.organisation, options)).toEqual(outcome);
      }),
      { numRuns: 150 },
    );
    // Not vacuous: most generated incidents end up valid.
    expect(count).toBeGreaterThan(75);
  });
});

// ---- literal output ----------------------------------------------------------------------------

/** Text as people paste it: markup, template tags, Markdown, entities, spaces and line breaks, other scripts. */
const piece = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('<script>alert(1)</script>', '{#x}', '{/x}', '{x}', '{@x}', '{=[[ ]]=}', '**', '__', '`', '# ', '- ', '1. ', '> ', '| a |', '[l](u)', '&amp;', '&', '<', '>', '"', "'", '\\', '~~', '<!--', ']]>', '\u202e', '👩‍👩‍👧', 'ĳ', 'مرحبا'),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '\n', '\t') },
);

/** Without what validation refuses (DL-YAML-CONTROL-CHARACTER): control characters, non-characters, unpaired surrogates. */
const allowed = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');

const facts = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .map((parts) => allowed(parts.join('')))
  .filter((s) => s.trim() !== '');

/** The text content of HTML, as a reader sees it. */
function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('any text in the facts comes out literally', () => {
  let example: { incident: Incident; outcome: Outcome; organisation: Organisation };
  const docx = new Uint8Array(readFileSync(path.join(REPO, 'packs/default/brief-betrokkene.docx')));
  const markdown = readFileSync(path.join(REPO, 'packs/default/brief-betrokkene.md'), 'utf8');
  beforeAll(async () => {
    const policy = await loadRiskPolicy();
    const organisation = parse(ORG_FILE.text) as Organisation;
    const incident = parse(readFileSync(path.join(REPO, 'incidents', ORG, '2026-102.yaml'), 'utf8')) as Incident;
    example = { incident, organisation, outcome: triage(incident, organisation, { file: 'x', now: NOW, policy }) };
  });
  const dataWith = (text: string) =>
    incidentDocumentData({
      incident: { ...example.incident, what: { ...example.incident.what, facts: text } },
      outcome: example.outcome,
      organisation: example.organisation,
      language: 'nl',
      date: NOW,
    });

  it('in the DOCX (brief-betrokkene.docx): as typed, line breaks as breaks', () => {
    fc.assert(
      fc.property(facts, (text) => {
        const out = renderDocx(docx, dataWith(text), { templatePath: 'brief-betrokkene.docx' });
        expect(squash(docxText(out))).toContain(squash(text));
      }),
      { numRuns: 30 },
    );
  });

  it('in the HTML of the PDF route (brief-betrokkene.md, escapeMarkdown, marked): as typed, no element added', () => {
    const plain = renderText(markdown, dataWith('FEITEN'), { templatePath: 'brief-betrokkene.md', escape: escapeMarkdown });
    const tagsOf = (html: string) => (html.match(/<[a-z][a-z0-9]*/g) ?? []).filter((t) => t !== '<br').sort();
    const expected = tagsOf(markdownToHtml(plain));
    fc.assert(
      fc.property(facts, (text) => {
        const html = markdownToHtml(renderText(markdown, dataWith(text), { templatePath: 'brief-betrokkene.md', escape: escapeMarkdown }));
        expect(squash(htmlText(html))).toContain(squash(text));
        // The facts add line breaks at most: the same elements as with plain facts.
        expect(tagsOf(html)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
