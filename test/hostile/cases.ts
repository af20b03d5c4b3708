/**
 * The hostile corpus: every case, what is hostile about it, and the diagnostic a careful tool
 * must give for it. One table; the tests (corpus.test.ts, templates.test.ts, literal.test.ts,
 * limits.test.ts) run it.
 *
 * A case is a small project overlay: the files under test/fixtures/hostile/<name>/ (copied as they
 * are into a project that already holds two valid incidents and their organisation), plus files
 * made at run time by `generate` (big or binary inputs are not committed). Template cases (kind
 * 'template') get an organisation of their own, `templates/<name>/organisation.yaml`, with one
 * incident, `incidents/<name>/2026-<name>.yaml`; their fixture holds the override template in
 * `templates/<name>/`, which replaces the default pack's file of that name for that organisation.
 *
 * `expect` is the diagnostic `datalek validate` must print: code, file, and line and column where
 * the problem has a place (line 0: the whole file, e.g. a .docx that is no zip). `build` is what
 * `datalek build` must print for template cases when it differs (a lint finds an unknown field,
 * rendering finds the value missing).
 *
 * LITERAL_CASES are hostile-looking but valid data: they must validate (exit 0) and appear in the
 * DOCX and PDF exactly as typed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/hostile');
/** The one organisation of the base project, and its two valid incidents. */
export const ORG = 'assurantiekantoor-bosman';
export const VALID_INCIDENTS = [`incidents/${ORG}/2026-101.yaml`, `incidents/${ORG}/2026-102.yaml`];
/** Where the incident cases put their hostile incident. */
export const INCIDENT = `incidents/${ORG}/2026-900.yaml`;

export type Kind =
  | 'yaml'
  | 'encoding'
  | 'size'
  | 'bomb'
  | 'nesting'
  | 'number'
  | 'count'
  | 'date'
  | 'organisation'
  | 'id'
  | 'text'
  | 'template';

export interface Expected {
  code: string;
  file: string;
  /** 1-based; 0 = about the whole file. Undefined: any line > 0 (only where the place depends on the machine). */
  line?: number;
  column?: number;
  /** The field printed after the position, '' for none. */
  field?: string;
}

export type Generated = Record<string, string | Uint8Array>;

export interface HostileCase {
  name: string;
  kind: Kind;
  about: string;
  expect: Expected;
  /** For template cases: what `datalek build` reports, when not the same as `expect`. */
  build?: Expected;
  /** Files made at run time, by project-relative path. */
  generate?: () => Generated;
  /** Big input: also run the real binary with a capped heap (--max-old-space-size). */
  heavy?: boolean;
}

// ---- generators -------------------------------------------------------------------------------

/** The valid incident the generated cases start from (also the base of the committed ones). */
export const baseIncident = (): string => readFileSync(path.join(FIXTURES, 'base-incident.yaml'), 'utf8');

const replaced = (from: string, to: string): string => {
  const text = baseIncident();
  if (!text.includes(from)) throw new Error(`base-incident.yaml has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

const FACTS = '  facts: Een medewerker heeft een map met polisbladen in de trein laten liggen.';

/** The default pack's Word template, edited: the part is replaced by `edit(oldXml)`, or removed when it returns null. */
export function editedDocx(edit: (zip: PizZip, documentXml: string) => void): Uint8Array {
  const zip = new PizZip(readFileSync(path.join(REPO, 'packs/default/melding-ap.docx')));
  edit(zip, zip.file('word/document.xml')!.asText());
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

export interface RawEntry {
  name: string;
  /** The entry's data, deflated (raw DEFLATE). */
  deflated: Uint8Array;
  /** The uncompressed size the zip declares: true or not. */
  declared: number;
}

/** A zip written by hand, so that its size fields can say what we like. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.deflated));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(e.deflated.length, 20);
    c.writeUInt32LE(e.declared, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dir, end]));
}

/** The default pack's Word template as raw entries (sizes true), plus `extra`. */
export function defaultDocxWith(extra: RawEntry[]): Uint8Array {
  const zip = new PizZip(readFileSync(path.join(REPO, 'packs/default/melding-ap.docx')));
  const entries: RawEntry[] = Object.values(zip.files)
    .filter((f) => !f.dir && !extra.some((x) => x.name === f.name))
    .map((f) => {
      const data = f.asUint8Array();
      return { name: f.name, deflated: deflateRawSync(data), declared: data.length };
    });
  return rawZip([...entries, ...extra]);
}

/** `megabytes` MB of one byte, deflated (about 1 kB per MB). */
const deflatedRun = (megabytes: number, byte: number): Uint8Array => deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024, byte), { level: 9 });

/** Billion laughs: nine levels of nine aliases each (9^9 strings once expanded). */
function billionLaughs(): string {
  const lines = ['lol0: &lol0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &lol${i} [${Array(9).fill(`*lol${i - 1}`).join(', ')}]`);
  return replaced(FACTS, `  facts: *lol9`).replace('# yaml-language-server', `${lines.join('\n')}\n# yaml-language-server`);
}

const T = (name: string, file = 'melding-ap.docx'): string => `templates/${name}/${file}`;

// ---- the cases -------------------------------------------------------------------------------

const at = (code: string, line: number, column: number, field = '', file = INCIDENT): Expected => ({ code, file, line, column, field });
const whole = (code: string, file: string): Expected => ({ code, file, line: 0, column: 0, field: '' });

export const CASES: HostileCase[] = [
  // -- malformed and truncated YAML
  { name: 'yaml-unclosed-flow-list', kind: 'yaml', about: 'a list opened with [ and never closed', expect: at('DL-YAML-SYNTAX', 15, 3) },
  { name: 'yaml-colon-in-plain-text', kind: 'yaml', about: '": " inside an unquoted title', expect: at('DL-YAML-SYNTAX', 5, 8) },
  { name: 'yaml-truncated-mid-key', kind: 'yaml', about: 'the file ends in the middle of a field name', expect: at('DL-YAML-SYNTAX', 17, 3) },
  { name: 'yaml-truncated-mid-string', kind: 'yaml', about: 'the file ends inside a quoted text', expect: at('DL-YAML-SYNTAX', 27, 14) },
  { name: 'yaml-bad-indentation', kind: 'yaml', about: 'one field indented a space too far', expect: at('DL-YAML-SYNTAX', 19, 13) },
  { name: 'yaml-undefined-alias', kind: 'yaml', about: 'an alias (*name) without its anchor', expect: at('DL-YAML-SYNTAX', 12, 10) },
  { name: 'yaml-alias-cycle', kind: 'yaml', about: 'an alias inside the list it names (an endless value)', expect: at('DL-YAML-SYNTAX', 20, 26) },
  { name: 'yaml-tab-in-list-indent', kind: 'yaml', about: 'a tab as indentation in a list (pasted from an e-mail)', expect: at('DL-YAML-SYNTAX', 22, 1) },
  { name: 'yaml-duplicate-key-nested', kind: 'yaml', about: 'timeline.discovered_at given twice', expect: at('DL-YAML-DUPLICATE-KEY', 11, 3) },
  { name: 'yaml-duplicate-key-quoted', kind: 'yaml', about: 'count and "count" in one group', expect: at('DL-YAML-DUPLICATE-KEY', 23, 3) },
  { name: 'yaml-complex-key', kind: 'yaml', about: 'a list as a field name', expect: at('DL-YAML-COMPLEX-KEY', 5, 3) },
  { name: 'yaml-merge-key', kind: 'yaml', about: 'a YAML merge key (<<), which datalek does not expand', expect: at('DL-SCHEMA-UNKNOWN-FIELD', 24, 3, 'risk_assessment["<<"]') },
  { name: 'yaml-11-booleans', kind: 'yaml', about: '%YAML 1.1 with `no` for false; read as YAML 1.2, where it is text', expect: at('DL-SCHEMA-TYPE', 18, 14, 'what.malicious') },
  { name: 'yaml-document-in-document', kind: 'yaml', about: 'two incidents in one file, separated by ---', expect: at('DL-YAML-MULTIPLE-DOCUMENTS', 30, 1) },
  { name: 'yaml-long-key', kind: 'yaml', about: 'a field name of 2,000 characters (a colon after a long text)', expect: at('DL-YAML-SYNTAX', 18, 1) },

  // -- encodings and invisible characters
  {
    name: 'enc-latin1',
    kind: 'encoding',
    about: 'saved as Latin-1: the é of the title is one byte 0xE9',
    expect: at('DL-LOAD-ENCODING', 5, 11),
    generate: () => ({ [INCIDENT]: Buffer.from(replaced('title: Map met', 'title: Café met'), 'latin1') }),
  },
  {
    name: 'enc-utf16-without-bom',
    kind: 'encoding',
    about: 'UTF-16 without a byte-order mark (NUL in every other byte)',
    expect: whole('DL-LOAD-ENCODING', INCIDENT),
    generate: () => ({ [INCIDENT]: Buffer.from(baseIncident(), 'utf16le') }),
  },
  {
    name: 'enc-overlong-utf8',
    kind: 'encoding',
    about: 'an overlong UTF-8 sequence (0xC0 0xAF, a disguised "/") in the id',
    expect: at('DL-LOAD-ENCODING', 3, 11),
    generate: () => {
      const [head, tail] = baseIncident().split('2026-900');
      return { [INCIDENT]: Buffer.concat([Buffer.from(`${head}2026-`), Buffer.from([0xc0, 0xaf]), Buffer.from(`900${tail}`)]) };
    },
  },
  { name: 'enc-nul-character', kind: 'encoding', about: 'a raw NUL byte inside the title', expect: at('DL-YAML-CONTROL-CHARACTER', 5, 8, 'title') },
  { name: 'enc-control-escapes', kind: 'encoding', about: 'terminal escape sequences (clear screen, window title) in the title', expect: at('DL-YAML-CONTROL-CHARACTER', 5, 8, 'title') },
  { name: 'enc-lone-surrogate', kind: 'encoding', about: 'half a UTF-16 pair ("\\uD800") in the facts', expect: at('DL-YAML-CONTROL-CHARACTER', 12, 10, 'what.facts') },
  { name: 'enc-noncharacter', kind: 'encoding', about: 'the non-character U+FFFE in a name', expect: at('DL-YAML-CONTROL-CHARACTER', 7, 9, 'reporter.name') },

  // -- size, bombs and nesting
  {
    name: 'size-10mb-string',
    kind: 'size',
    about: 'a 10 MB text in one field: the file is refused before it is parsed',
    expect: whole('DL-LOAD-TOO-LARGE', INCIDENT),
    heavy: true,
    generate: () => ({ [INCIDENT]: replaced(FACTS, `  facts: "${'a'.repeat(10 * 1024 * 1024)}"`) }),
  },
  {
    name: 'size-long-text',
    kind: 'size',
    about: 'a 1.5 MB text in one field (the file itself is under the 2 MB limit)',
    expect: at('DL-SCHEMA-LENGTH', 12, 10, 'what.facts'),
    heavy: true,
    generate: () => ({ [INCIDENT]: replaced(FACTS, `  facts: "${'woord '.repeat(250_000)}"`) }),
  },
  {
    name: 'size-many-fields',
    kind: 'size',
    about: '20,000 unknown fields: one line per problem would be 20,000 lines, and used to take 12 s',
    expect: at('DL-SCHEMA-UNKNOWN-FIELD', 30, 1, 'x0'),
    heavy: true,
    generate: () => ({ [INCIDENT]: baseIncident() + Array.from({ length: 20_000 }, (_, i) => `x${i}: ${i}`).join('\n') + '\n' }),
  },
  {
    name: 'bomb-billion-laughs',
    kind: 'bomb',
    about: 'nine levels of nine aliases (a billion strings once expanded)',
    expect: at('DL-YAML-ALIAS-LIMIT', 2, 14),
    heavy: true,
    generate: () => ({ [INCIDENT]: billionLaughs() }),
  },
  {
    name: 'nesting-deep-flow',
    kind: 'nesting',
    about: '5,000 nested lists in personal_data.kinds',
    // The column where the parser gives up depends on the machine's stack size.
    expect: { code: 'DL-YAML-SYNTAX', file: INCIDENT, line: 20, field: '' },
    heavy: true,
    generate: () => ({ [INCIDENT]: replaced('  kinds: [name, contact_details]', `  kinds: ${'['.repeat(5000)}${']'.repeat(5000)}`) }),
  },
  {
    name: 'nesting-deep-block',
    kind: 'nesting',
    about: '500 nested groups where the facts (a text) belong',
    expect: at('DL-SCHEMA-TYPE', 13, 5, 'what.facts'),
    generate: () => ({
      [INCIDENT]: replaced(FACTS, `  facts:\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i + 2)}n${i}:`).join('\n')} x`),
    }),
  },

  // -- numbers as strings and back
  { name: 'num-count-as-text', kind: 'number', about: 'a count in quotes', expect: at('DL-SCHEMA-TYPE', 22, 10, 'data_subjects.count') },
  { name: 'num-thousands-dot', kind: 'number', about: '1.000 (Dutch: one thousand) is the number 1 in YAML', expect: at('DL-YAML-AMBIGUOUS-NUMBER', 22, 10, 'data_subjects.count') },
  { name: 'num-thousands-comma', kind: 'number', about: '1,000 with a comma', expect: at('DL-SCHEMA-TYPE', 22, 10, 'data_subjects.count') },
  { name: 'num-in-words', kind: 'number', about: 'a count in words', expect: at('DL-SCHEMA-TYPE', 22, 10, 'data_subjects.count') },
  { name: 'num-infinity', kind: 'number', about: '.inf as a count', expect: at('DL-SCHEMA-TYPE', 22, 10, 'data_subjects.count') },
  { name: 'num-huge', kind: 'number', about: 'a count of 400 digits', expect: at('DL-SCHEMA-TYPE', 22, 10, 'data_subjects.count') },
  { name: 'num-boolean-as-text', kind: 'number', about: '"nee" where true or false belongs', expect: at('DL-SCHEMA-TYPE', 16, 14, 'what.malicious') },
  { name: 'num-id-as-number', kind: 'number', about: 'id 2026.900 without quotes: the number 2026.9', expect: at('DL-SCHEMA-TYPE', 3, 5, 'id') },
  {
    name: 'num-leading-zero',
    kind: 'number',
    about: 'a chamber of commerce number with a leading zero, unquoted: the number 1234567',
    expect: at('DL-SCHEMA-TYPE', 10, 22, 'chamber_of_commerce', 'templates/kantoor-nul/organisation.yaml'),
  },
  { name: 'num-date-as-number', kind: 'number', about: 'a moment as Unix time', expect: at('DL-SCHEMA-TYPE', 10, 13, 'timeline.aware_at') },

  // -- counts
  { name: 'count-negative', kind: 'count', about: 'minus three people', expect: at('DL-SCHEMA-RANGE', 22, 10, 'data_subjects.count') },
  { name: 'count-fractional', kind: 'count', about: '12.5 people', expect: at('DL-SCHEMA-TYPE', 22, 10, 'data_subjects.count') },
  { name: 'count-min-above-max', kind: 'count', about: 'at least 500 and at most 50', expect: at('DL-RULE-COUNT-RANGE', 22, 14, 'data_subjects.count_min') },
  { name: 'count-min-without-max', kind: 'count', about: 'a minimum without a maximum', expect: at('DL-SCHEMA-DEPENDENT', 22, 3, 'data_subjects.count_max') },

  // -- dates in every wrong format, impossible dates
  { name: 'date-day-month-year', kind: 'date', about: '02-03-2026 10:00', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-in-words', kind: 'date', about: '2 maart 2026 om 10 uur', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-without-offset', kind: 'date', about: 'no UTC offset', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-space-separator', kind: 'date', about: 'a space instead of T', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-offset-without-colon', kind: 'date', about: '+0100', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-slashes', kind: 'date', about: '03/02/2026 (American order)', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-31-february', kind: 'date', about: '31 February', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-29-february-2026', kind: 'date', about: '29 February of a year that is no leap year', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-hour-25', kind: 'date', about: 'hour 25', expect: at('DL-SCHEMA-FORMAT', 10, 13, 'timeline.aware_at') },
  { name: 'date-plain-30-february', kind: 'date', about: 'a plain date, 30 February, as the start', expect: at('DL-SCHEMA-FORMAT', 9, 15, 'timeline.started_at') },
  { name: 'date-awareness-in-future', kind: 'date', about: 'every moment a year after --now', expect: at('DL-RULE-FUTURE-INSTANT', 10, 13, 'timeline.aware_at') },
  { name: 'date-aware-before-discovery', kind: 'date', about: 'aware an hour before discovering', expect: at('DL-RULE-AWARE-BEFORE-DISCOVERY', 10, 13, 'timeline.aware_at') },

  // -- organisations
  { name: 'org-unknown', kind: 'organisation', about: 'a typo in the organisation', expect: at('DL-RULE-UNKNOWN-ORG', 4, 15, 'organisation') },
  { name: 'org-path-traversal', kind: 'organisation', about: 'organisation ../../etc', expect: at('DL-SCHEMA-PATTERN', 4, 15, 'organisation') },
  {
    name: 'org-reserved-name',
    kind: 'organisation',
    about: 'an organisation folder and id named CON (a Windows device)',
    expect: at('DL-RULE-RESERVED-NAME', 3, 5, 'id', 'templates/con/organisation.yaml'),
  },
  {
    name: 'org-file-broken',
    kind: 'organisation',
    about: 'an organisation file with an unclosed quote',
    expect: at('DL-YAML-SYNTAX', 3, 7, '', 'templates/kantoor-stuk/organisation.yaml'),
  },

  // -- ids that would be paths or device names
  { name: 'id-dotdot', kind: 'id', about: '../2026-900', expect: at('DL-SCHEMA-PATTERN', 3, 5, 'id') },
  { name: 'id-deep-traversal', kind: 'id', about: '../../../../etc/passwd', expect: at('DL-SCHEMA-PATTERN', 3, 5, 'id') },
  { name: 'id-slash', kind: 'id', about: '2026/900', expect: at('DL-SCHEMA-PATTERN', 3, 5, 'id') },
  { name: 'id-backslash', kind: 'id', about: '..\\2026-900', expect: at('DL-SCHEMA-PATTERN', 3, 5, 'id') },
  { name: 'id-nul', kind: 'id', about: 'a NUL inside the id (2026-900\\0.yaml)', expect: at('DL-SCHEMA-PATTERN', 3, 5, 'id') },
  { name: 'id-double-dot', kind: 'id', about: '2026..900', expect: at('DL-SCHEMA-NOT-ALLOWED', 3, 5, 'id') },
  { name: 'id-reserved-con', kind: 'id', about: 'CON', expect: at('DL-RULE-RESERVED-NAME', 3, 5, 'id') },
  { name: 'id-reserved-with-extension', kind: 'id', about: 'nul.txt', expect: at('DL-RULE-RESERVED-NAME', 3, 5, 'id') },
  { name: 'id-reserved-com1', kind: 'id', about: 'com1', expect: at('DL-RULE-RESERVED-NAME', 3, 5, 'id') },
  { name: 'id-trailing-dot', kind: 'id', about: '2026-900. (Windows drops the dot)', expect: at('DL-RULE-RESERVED-NAME', 3, 5, 'id') },
  { name: 'id-too-long', kind: 'id', about: 'an id of 300 characters', expect: at('DL-SCHEMA-PATTERN', 3, 5, 'id') },

  // -- broken templates (from a federation, or edited by hand)
  { name: 'tpl-md-unclosed-tag', kind: 'template', about: 'a tag never closed', expect: at('DL-TEMPLATE-SYNTAX', 5, 14, 'documentdatum', T('tpl-md-unclosed-tag', 'melding-ap.md')) },
  {
    name: 'tpl-md-unknown-field',
    kind: 'template',
    about: 'a tag for a field the document data do not have',
    expect: at('DL-TEMPLATE-UNKNOWN-FIELD', 11, 1, 'bsn_van_de_klant', T('tpl-md-unknown-field', 'melding-ap.md')),
    build: at('DL-TEMPLATE-MISSING-VALUE', 11, 1, 'bsn_van_de_klant', T('tpl-md-unknown-field', 'melding-ap.md')),
  },
  { name: 'tpl-md-unclosed-loop', kind: 'template', about: 'a loop never closed', expect: at('DL-TEMPLATE-SYNTAX', 14, 1, 'gegevens', T('tpl-md-unclosed-loop', 'melding-ap.md')) },
  { name: 'tpl-md-unopened-close', kind: 'template', about: 'a closing tag without its opening', expect: at('DL-TEMPLATE-SYNTAX', 9, 9, 'maatregelen', T('tpl-md-unopened-close', 'melding-ap.md')) },
  { name: 'tpl-md-unknown-filter', kind: 'template', about: 'a filter that does not exist', expect: at('DL-TEMPLATE-UNKNOWN-FILTER', 5, 14, 'documentdatum | base64', T('tpl-md-unknown-filter', 'melding-ap.md')) },
  {
    name: 'tpl-md-function-call',
    kind: 'template',
    about: 'running code through a function constructor',
    expect: at('DL-TEMPLATE-FORBIDDEN', 11, 1, 'constructor.constructor("return process")().exit(1)', T('tpl-md-function-call', 'melding-ap.md')),
  },
  { name: 'tpl-md-prototype', kind: 'template', about: 'reading __proto__', expect: at('DL-TEMPLATE-FORBIDDEN', 11, 1, '__proto__.polluted', T('tpl-md-prototype', 'melding-ap.md')) },
  { name: 'tpl-md-assignment', kind: 'template', about: 'an assignment that would change the data', expect: at('DL-TEMPLATE-FORBIDDEN', 9, 1, 'feiten = "gewist"', T('tpl-md-assignment', 'melding-ap.md')) },
  { name: 'tpl-md-delimiter-change', kind: 'template', about: 'other delimiters ({=[[ ]]=}) to get around escaping', expect: at('DL-TEMPLATE-SYNTAX', 9, 1, '=[[ ]]=', T('tpl-md-delimiter-change', 'melding-ap.md')) },
  { name: 'tpl-md-raw-tag', kind: 'template', about: 'a raw tag ({@...}) in Markdown', expect: at('DL-TEMPLATE-SYNTAX', 9, 1, '@feiten', T('tpl-md-raw-tag', 'melding-ap.md')) },
  { name: 'tpl-md-deep-nesting', kind: 'template', about: '2,000 nested sections', expect: whole('DL-TEMPLATE-SYNTAX', T('tpl-md-deep-nesting', 'melding-ap.md')) },
  {
    name: 'tpl-md-too-large',
    kind: 'template',
    about: 'a Markdown template of 10 MB',
    expect: whole('DL-TEMPLATE-TOO-LARGE', T('tpl-md-too-large', 'melding-ap.md')),
    heavy: true,
    generate: () => ({ [T('tpl-md-too-large', 'melding-ap.md')]: 'Lorem ipsum {nummer} dolor sit amet.\n'.repeat(280_000) }),
  },
  { name: 'tpl-docx-not-a-zip', kind: 'template', about: 'a text file named .docx', expect: whole('DL-TEMPLATE-NOT-A-DOCX', T('tpl-docx-not-a-zip')) },
  { name: 'tpl-docx-empty', kind: 'template', about: 'an empty .docx', expect: whole('DL-TEMPLATE-NOT-A-DOCX', T('tpl-docx-empty')) },
  {
    name: 'tpl-docx-truncated',
    kind: 'template',
    about: 'a .docx cut off after 2 kB (an interrupted download)',
    expect: whole('DL-TEMPLATE-NOT-A-DOCX', T('tpl-docx-truncated')),
    generate: () => ({ [T('tpl-docx-truncated')]: readFileSync(path.join(REPO, 'packs/default/melding-ap.docx')).subarray(0, 2048) }),
  },
  {
    name: 'tpl-docx-no-document-xml',
    kind: 'template',
    about: 'a zip without word/document.xml',
    expect: whole('DL-TEMPLATE-NOT-A-DOCX', T('tpl-docx-no-document-xml')),
    generate: () => ({ [T('tpl-docx-no-document-xml')]: editedDocx((z) => z.remove('word/document.xml')) }),
  },
  {
    name: 'tpl-docx-malformed-xml',
    kind: 'template',
    about: 'a paragraph left open in document.xml (Word would refuse the result)',
    expect: whole('DL-TEMPLATE-NOT-A-DOCX', T('tpl-docx-malformed-xml')),
    generate: () => ({ [T('tpl-docx-malformed-xml')]: editedDocx((z, xml) => z.file('word/document.xml', xml.replace('</w:body>', '<w:p></w:body>'))) }),
  },
  {
    name: 'tpl-docx-xml-entity-bomb',
    kind: 'template',
    about: 'an XML billion laughs (DOCTYPE with nested entities) in document.xml',
    expect: whole('DL-TEMPLATE-NOT-A-DOCX', T('tpl-docx-xml-entity-bomb')),
    generate: () => ({
      [T('tpl-docx-xml-entity-bomb')]: editedDocx((z, xml) => {
        const entities = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
        z.file('word/document.xml', xml.replace(/^(<\?xml[^>]*\?>)/, `$1<!DOCTYPE w:document [${entities}]>`).replace('{nummer}', '&l9;'));
      }),
    }),
  },
  {
    name: 'tpl-docx-unclosed-tag',
    kind: 'template',
    about: 'a tag never closed, inside Word',
    expect: { ...whole('DL-TEMPLATE-SYNTAX', T('tpl-docx-unclosed-tag')), field: 'nummer:' },
    generate: () => ({ [T('tpl-docx-unclosed-tag')]: editedDocx((z, xml) => z.file('word/document.xml', xml.replace('{nummer}', '{nummer'))) }),
  },
  {
    name: 'tpl-docx-unknown-field',
    kind: 'template',
    about: 'a tag for a field the document data do not have, inside Word',
    expect: { ...whole('DL-TEMPLATE-UNKNOWN-FIELD', T('tpl-docx-unknown-field')), field: 'bsn_van_de_klant' },
    build: { ...whole('DL-TEMPLATE-MISSING-VALUE', T('tpl-docx-unknown-field')), field: 'bsn_van_de_klant' },
    generate: () => ({ [T('tpl-docx-unknown-field')]: editedDocx((z, xml) => z.file('word/document.xml', xml.replace('{nummer}', '{bsn_van_de_klant}'))) }),
  },
  {
    name: 'tpl-docx-raw-xml-tag',
    kind: 'template',
    about: 'a raw XML tag ({@x}) that would insert data unescaped',
    expect: { ...whole('DL-TEMPLATE-FORBIDDEN', T('tpl-docx-raw-xml-tag')), field: 'feiten' },
    generate: () => ({
      [T('tpl-docx-raw-xml-tag')]: editedDocx((z, xml) => z.file('word/document.xml', xml.replace('</w:body>', '<w:p><w:r><w:t>{@feiten}</w:t></w:r></w:p></w:body>'))),
    }),
  },
  {
    name: 'tpl-docx-zip-bomb',
    kind: 'template',
    about: 'a zip bomb: 256 MB of zeros as a "picture", 250 kB on disk',
    expect: whole('DL-TEMPLATE-TOO-LARGE', T('tpl-docx-zip-bomb')),
    heavy: true,
    generate: () => ({ [T('tpl-docx-zip-bomb')]: defaultDocxWith([{ name: 'word/media/image1.png', deflated: deflatedRun(256, 0), declared: 256 * 1024 * 1024 }]) }),
  },
  {
    name: 'tpl-docx-zip-bomb-lying',
    kind: 'template',
    about: 'a zip bomb whose document.xml says 60 kB but unpacks to 256 MB (more than the capped heap)',
    expect: whole('DL-TEMPLATE-NOT-A-DOCX', T('tpl-docx-zip-bomb-lying')),
    heavy: true,
    generate: () => ({ [T('tpl-docx-zip-bomb-lying')]: defaultDocxWith([{ name: 'word/document.xml', deflated: deflatedRun(256, 0x20), declared: 60_000 }]) }),
  },
  {
    name: 'tpl-docx-dense-xml',
    kind: 'template',
    about: '26 MB of tiny paragraphs in document.xml (docxtemplater would need gigabytes)',
    expect: whole('DL-TEMPLATE-TOO-LARGE', T('tpl-docx-dense-xml')),
    heavy: true,
    generate: () => ({
      [T('tpl-docx-dense-xml')]: editedDocx((z, xml) => z.file('word/document.xml', xml.replace('</w:body>', `${'<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(800_000)}</w:body>`))),
    }),
  },
];

// ---- valid data that must show literally ------------------------------------------------------

export interface LiteralCase {
  name: string;
  about: string;
  /** The incident file of the fixture. */
  file: string;
  id: string;
  /** Texts that must appear in the DOCX and the PDF exactly as typed (whitespace aside). */
  literal: string[];
  /** The same for the DOCX only (the PDF's fonts may lack the glyphs: they show, but extract unreliably). */
  docxOnly?: string[];
  /** Warnings it may give (it must give no error). */
  warnings?: string[];
}

const lit = (name: string, num: number, about: string, literal: string[], extra: Partial<LiteralCase> = {}): LiteralCase => ({
  name,
  about,
  file: `incidents/${ORG}/2026-${num}.yaml`,
  id: `2026-${num}`,
  literal,
  ...extra,
});

export const LITERAL_CASES: LiteralCase[] = [
  lit('valid-html-script', 911, 'HTML and script in text fields', [
    '<script>alert("xss")</script> <b>vet</b>',
    '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">klik</a> &amp; &lt;br&gt; </div>',
  ]),
  lit('valid-template-tags', 912, 'docxtemplater tags in text fields: data, not template', [
    '{#incidenten}{nummer}{/incidenten} {feiten}',
    '{@raw} {=[[ ]]=} [[titel]] {{x}} {constructor.constructor("return process")()} {^leeg}{/leeg}',
  ]),
  lit('valid-markdown', 913, 'Markdown in text fields: no bold, heading, list or link', [
    '**vet** _schuin_ `code` # geen kop',
    '# Kop?',
    '- lijstje',
    '> citaat',
    '| a | b |',
    '[link](https://example.invalid) ![beeld](https://example.invalid/x.png) ~~doorgehaald~~ <https://example.invalid>',
    '1. genummerd',
    '***',
    '\\*sterretjes\\*',
  ]),
  lit('valid-rtl-emoji', 914, 'right-to-left text, emoji and other scripts', ['Map', 'Omgekeerd:', 'einde. Emoji:', 'en éèë ĳ ß — klaar.'], {
    docxOnly: ['Map שלום مرحبا 🔥 👩‍👩‍👧 漢字', 'Omgekeerd: \u202eedcba\u202c einde. Emoji: 🔒📁 en éèë ĳ ß — klaar.'],
  }),
  lit('valid-xml-special', 915, 'text that could break XML or Word', [
    ']]> </w:t></w:r><w:r><w:t>ingevoegd',
    `<?xml version="1.0"?> <!DOCTYPE x [<!ENTITY a "b">]> &a; &#0; "quotes" 'apostrof'`,
  ]),
  lit('valid-crlf', 916, 'Windows line endings', ['Map met polissen in de trein laten liggen']),
  lit('valid-cr-only', 917, 'old Mac line endings (CR only): used to be read as an empty file', ['Map met polissen in de trein laten liggen']),
  lit('valid-bom', 918, 'a UTF-8 byte-order mark', ['Map met polissen in de trein laten liggen']),
  lit('valid-unknown-tag', 919, 'a YAML tag (!!python/object/apply) is reported and the value read as text', ['Map met polissen in de trein laten liggen'], {
    warnings: ['DL-YAML-TAG'],
  }),
];
