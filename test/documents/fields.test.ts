/** FIELD_DOCS and the data built for every bundled example agree exactly, in both languages. */
import { beforeAll, describe, expect, it } from 'vitest';
import { incidentDocumentData, registerDocumentData } from '../../src/documents/data.js';
import { FIELD_DOCS, type FieldDoc } from '../../src/documents/fields.js';
import { loadExamples, NOW, type Example } from './examples.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Seen {
  /** path -> kinds of value seen there */
  kinds: Map<string, Set<string>>;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    if (v.length === 0) return 'empty-list';
    return v.every((x) => typeof x === 'string') ? 'lijst van teksten' : 'lijst van groepen';
  }
  if (typeof v === 'string') return INSTANT.test(v) ? 'instant' : DATE.test(v) ? 'date' : 'tekst';
  if (typeof v === 'number') return Number.isFinite(v) ? 'getal' : 'bad-number';
  if (typeof v === 'boolean') return 'ja/nee';
  if (typeof v === 'object') return 'groep';
  return typeof v;
}

function walk(value: unknown, path: string, seen: Seen): void {
  const add = (p: string, k: string): void => {
    let s = seen.kinds.get(p);
    if (!s) seen.kinds.set(p, (s = new Set()));
    s.add(k);
  };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path === '' ? key : `${path}.${key}`;
    add(p, kindOf(v));
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') walk(item, `${p}[]`, seen);
    } else if (v !== null && typeof v === 'object') {
      walk(v, p, seen);
    }
  }
}

function compatible(doc: FieldDoc, kind: string): boolean {
  switch (kind) {
    case 'null':
      return doc.leeg;
    case 'empty-list':
      return doc.type === 'lijst van teksten' || doc.type === 'lijst van groepen';
    case 'instant':
      return doc.type === 'tijdstip' || doc.type === 'datum of tijdstip' || doc.type === 'tekst';
    case 'date':
      return doc.type === 'datum of tijdstip' || doc.type === 'tekst';
    default:
      return doc.type === kind;
  }
}

function check(docs: Readonly<Record<string, FieldDoc>>, seen: Seen): void {
  const undocumented = [...seen.kinds.keys()].filter((p) => !(p in docs));
  expect(undocumented, 'fields without documentation').toEqual([]);
  const never = Object.keys(docs).filter((p) => !seen.kinds.has(p));
  expect(never, 'documented fields that no example has').toEqual([]);
  for (const [p, kinds] of seen.kinds) {
    for (const k of kinds) expect(compatible(docs[p]!, k), `${p}: documented as ${docs[p]!.type}${docs[p]!.leeg ? '?' : ''}, seen ${k}`).toBe(true);
  }
  for (const [p, d] of Object.entries(docs)) {
    expect(d.omschrijving.trim(), p).not.toBe('');
    expect(d.omschrijving, p).not.toContain('\n');
    if (d.type === 'tijdstip') expect([...seen.kinds.get(p)!].some((k) => k === 'instant'), `${p} never holds an instant`).toBe(true);
  }
}

let examples: Example[] = [];
beforeAll(async () => {
  examples = await loadExamples();
});

describe('FIELD_DOCS', () => {
  it('documents every field of the incident documents, and nothing else', () => {
    const seen: Seen = { kinds: new Map() };
    for (const e of examples) for (const language of ['nl', 'fr'] as const) walk(incidentDocumentData({ ...e, language, date: NOW }), '', seen);
    check(FIELD_DOCS.incident, seen);
  });

  it('documents every field of the register, and nothing else', () => {
    const seen: Seen = { kinds: new Map() };
    const orgs = new Map(examples.map((e) => [e.organisation.id, e.organisation]));
    for (const org of orgs.values()) {
      for (const language of ['nl', 'fr'] as const) {
        const rows = examples.filter((e) => e.organisation.id === org.id);
        walk(registerDocumentData({ organisation: org, rows, language, date: NOW }), '', seen);
      }
    }
    check(FIELD_DOCS.register, seen);
  });

  it('uses Dutch descriptions of one line', () => {
    for (const docs of [FIELD_DOCS.incident, FIELD_DOCS.register]) {
      for (const [p, d] of Object.entries(docs)) expect(d.omschrijving, p).not.toMatch(/\b(the|of the|which|when)\b/);
    }
  });
});
