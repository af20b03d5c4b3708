/** The register CSV: RFC 4180 with ";", a BOM and CRLF, read back cell for cell; formulas neutralised. */
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell, registerCsv, registerCsvHeaders, registerCsvRows } from '../../src/documents/csv.js';
import { registerDocumentData, type RegisterDocumentData } from '../../src/documents/data.js';
import { loadExamples, NOW, type Example } from './examples.js';

/** A small RFC 4180 reader: separator ";", quoted fields with "" for a quote, CRLF (or LF) between records. */
function parseCsv(input: string, sep = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < input.length) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (c === '"') throw new Error(`bare quote at ${i}`);
    if (c === sep) {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const neutralise = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

let examples: Example[] = [];
beforeAll(async () => {
  examples = await loadExamples();
});

function registers(): RegisterDocumentData[] {
  const orgs = new Map(examples.map((e) => [e.organisation.id, e.organisation]));
  return [...orgs.values()].map((org) =>
    registerDocumentData({ organisation: org, rows: examples.filter((e) => e.organisation.id === org.id), language: 'nl', date: NOW }),
  );
}

describe('parseCsv (the test reader)', () => {
  it('reads quotes, separators and line breaks inside fields', () => {
    expect(parseCsv('a;"b;c";"d ""e"""\r\n"f\r\ng";h\r\n')).toEqual([
      ['a', 'b;c', 'd "e"'],
      ['f\r\ng', 'h'],
    ]);
  });
});

describe('registerCsv', () => {
  it('starts with a BOM, ends records with CRLF and has the Dutch header', () => {
    for (const data of registers()) {
      const csv = registerCsv(data);
      expect(csv.startsWith('\ufeffNummer;Titel;Status;Ontdekt op;Kennisname op;Wat is er gebeurd;')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      // every record separator outside quotes is CRLF: no bare LF at the end of a record
      const rows = parseCsv(csv.slice(1));
      expect(rows[0]).toEqual(registerCsvHeaders(data));
      expect(rows).toHaveLength(data.incidenten.length + 1);
    }
  });

  it('reads back to exactly the same cells, one row per incident', () => {
    for (const data of registers()) {
      const parsed = parseCsv(registerCsv(data).slice(1));
      expect(parsed).toEqual(registerCsvRows(data).map((r) => r.map(neutralise)));
      for (const [i, r] of data.incidenten.entries()) expect(parsed[i + 1]![0]).toBe(r.nummer);
    }
  });

  it('has every register column DOMAIN.md lists', () => {
    const headers = registerCsvHeaders(registers()[0]!);
    for (const h of [
      'Nummer',
      'Ontdekt op',
      'Wat is er gebeurd',
      'Betrokken persoonsgegevens',
      'Gevolgen voor betrokkenen',
      'Genomen maatregelen',
      'Gemeld bij AP',
      'Gemeld op',
      'Meldnummer',
      'Reden niet gemeld',
      'Redenen vertraging',
      'Betrokkenen geïnformeerd',
      'Geïnformeerd op',
      'Kanalen',
      'Aantal geïnformeerd',
      'Politie ingelicht',
      'Verzekeraar ingelicht op',
    ]) {
      expect(headers).toContain(h);
    }
  });

  it('shows local dates and the facts of the examples', () => {
    const data = registers().find((d) => d.organisatie.naam.startsWith('Van Dam'))!;
    const rows = parseCsv(registerCsv(data).slice(1));
    const header = rows[0]!;
    const row = rows.find((r) => r[0] === '2026-004')!;
    const cell = (h: string): string => row[header.indexOf(h)]!;
    expect(cell('Ontdekt op')).toBe('08-06-2026 08:15');
    expect(cell('Gemeld op')).toBe('10-06-2026 14:20');
    expect(cell('Meldnummer')).toBe('M-2026-0412');
    expect(cell('Aantal betrokkenen')).toBe('112');
    expect(cell('Datalek')).toBe('ja');
    expect(cell('Genomen maatregelen').split('\n')).toHaveLength(6);
    expect(cell('Wat is er gebeurd')).toMatch(/^Een juridisch secretaresse heeft/);
  });

  it('neutralises formulas and quotes what needs quoting', () => {
    const base = registers()[0]!;
    const hostile = ['=HYPERLINK("http://x.example";"klik")', '+31 6 1234', '-2+3', '@SUM(A1)', '\tTAB', 'a;b', 'regel 1\nregel 2', 'zeg "ja"', 'gewoon'];
    const incidenten = hostile.map((h, i) => ({ ...base.incidenten[0]!, nummer: `X-${i}`, titel: h, feiten: h }));
    const data: RegisterDocumentData = { ...base, incidenten };
    const csv = registerCsv(data);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(hostile.length + 1);
    const titel = rows[0]!.indexOf('Titel');
    for (const [i, h] of hostile.entries()) {
      const got = rows[i + 1]![titel]!;
      expect(got).toBe(neutralise(h));
      expect(got).not.toMatch(/^[=+\-@\t]/);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('=A1;B1')).toBe(`"'=A1;B1"`);
  });
});
