/**
 * The fields reference: docs/fields.md is exactly what `npm run docs:fields` generates (so a field
 * added to a schema or to the document data without regenerating fails here), it names every
 * property of both schemas and every template field, and `datalek fields` prints them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from '../cli/helpers.js';
import { fieldsMarkdown } from '../../src/fields/markdown.js';
import { schemaFields } from '../../src/fields/schema-fields.js';
import { FIELD_DOCS } from '../../src/documents/fields.js';

const DOC = path.join(REPO, 'docs/fields.md');
const docText = () => readFileSync(DOC, 'utf8');

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Every property path of a schema, found independently of src/fields: through properties, items,
 * $ref into $defs, and also the allOf / anyOf / oneOf / if / then / else branches.
 */
function allPropertyPaths(schema: Node): Set<string> {
  const defs = (schema['$defs'] ?? {}) as Record<string, Node>;
  const out = new Set<string>();
  const visit = (node: unknown, prefix: string, depth: number): void => {
    if (!isNode(node) || depth > 20) return;
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) visit(defs[ref.slice('#/$defs/'.length)], prefix, depth + 1);
    if (isNode(node['properties'])) {
      for (const [k, v] of Object.entries(node['properties'])) {
        const p = prefix ? `${prefix}.${k}` : k;
        out.add(p);
        visit(v, p, depth + 1);
      }
    }
    if (node['items']) visit(node['items'], `${prefix}[]`, depth + 1);
    for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[key])) for (const n of node[key] as unknown[]) visit(n, prefix, depth + 1);
    for (const key of ['then', 'else']) visit(node[key], prefix, depth + 1);
  };
  visit(schema, '', 0);
  return out;
}

describe('docs/fields.md', () => {
  it('is up to date: regenerate with `npm run docs:fields` after changing a schema or the document fields', () => {
    // Compared whole; on failure the first differing line is the useful part of the message.
    const generated = fieldsMarkdown().split('\n');
    const committed = docText().split('\n');
    const first = generated.findIndex((l, i) => l !== committed[i]);
    expect(first === -1 && generated.length === committed.length ? 'same' : `differs at line ${first + 1}: ${committed[first] ?? '(end)'}`).toBe('same');
  });

  for (const kind of ['incident', 'organisation'] as const) {
    it(`names every property of schemas/${kind}.schema.json`, () => {
      const schema = JSON.parse(readFileSync(path.join(REPO, `schemas/${kind}.schema.json`), 'utf8')) as Node;
      const paths = allPropertyPaths(schema);
      expect(paths.size).toBeGreaterThan(kind === 'incident' ? 100 : 30);
      const text = docText();
      const missing = [...paths].filter((p) => !text.includes(`| \`${p}\` |`));
      expect(missing).toEqual([]);
      // and the generator lists exactly those, each once
      const listed = schemaFields(schema).map((f) => f.path);
      expect(new Set(listed).size).toBe(listed.length);
      expect([...listed].sort()).toEqual([...paths].sort());
    });
  }

  it('names every template field, with its Dutch description', () => {
    const text = docText();
    for (const scope of ['incident', 'register'] as const) {
      for (const [field, doc] of Object.entries(FIELD_DOCS[scope])) {
        expect(text, field).toContain(`| \`${field}\` |`);
        expect(text, field).toContain(doc.omschrijving.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').split('`')[0]!.slice(0, 30));
      }
    }
  });

  it('shows titles, requirement and allowed values of YAML fields', () => {
    const text = docText();
    expect(text).toMatch(/^\| `timeline\.aware_at` \| tijdstip met UTC-afwijking \| ja \| Kennisname \| /m);
    expect(text).toMatch(/^\| `sector` \| tekst \| ja \| Sector \| .*Waarden: `legal`, `insurance_intermediary`/m);
    expect(text).toMatch(/^\| `authority\.follow_ups\[\]\.kind` \| tekst \| ja \| Soort vervolgmelding \| .*`supplement`, `correction`, `withdrawal`/m);
  });
});

describe('datalek fields', () => {
  it('prints every template field with type and description', async () => {
    const r = await run(['fields']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Incident documents \(scope: incident\): \d+ fields$/m);
    expect(r.out).toMatch(/^ {2}organisatie\.naam +tekst +naam van het kantoor$/m);
    expect(r.out).toMatch(/^ {2}fg +groep, kan leeg zijn +/m);
    expect(r.out).toMatch(/^The register \(scope: organisation\): \d+ fields$/m);
  });

  it('--json --scope register lists the register fields only', async () => {
    const r = await run(['fields', '--json', '--scope', 'register']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { scope: string; field: string; type: string; empty: boolean; description: string }[];
    expect(list.map((f) => f.field)).toEqual(Object.keys(FIELD_DOCS.register));
    expect(new Set(list.map((f) => f.scope))).toEqual(new Set(['register']));
    expect(list.find((f) => f.field === 'aantal_incidenten')).toMatchObject({ type: 'getal', empty: false });
  });

  it('--markdown --check tells whether docs/fields.md is current; a wrong scope is a usage error', async () => {
    expect((await run(['fields', '--markdown', '--check', 'docs/fields.md'])).code).toBe(0);
    expect((await run(['fields', '--markdown', '--check', 'README.md'])).code).toBe(1);
    const bad = await run(['fields', '--scope', 'brief']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--scope must be one of: incident, register');
  });
});
