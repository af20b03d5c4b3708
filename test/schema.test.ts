/**
 * The JSON Schemas in schemas/ against the TypeScript model in src/model: valid and invalid
 * documents (table-driven), closed lists equal to the model's `as const` arrays, and Dutch
 * titles and descriptions on every property. All data here is fictional.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  AVAILABILITY_LOSSES,
  CHANNELS,
  CHECKLIST_STEPS,
  DATA_CONSEQUENCES,
  DATA_KINDS,
  DPC_CATEGORIES,
  ENISA_EI_VALUES,
  EXEMPTIONS,
  EXFILTRATION,
  EXPOSURES,
  FOLLOW_UP_KINDS,
  INCIDENT_KINDS,
  LEGAL_GROUNDS,
  NATURES,
  OTHER_SUPERVISORS,
  PEOPLE_CONSEQUENCES,
  PROTECTIONS,
  RISK_LEVELS,
  SEVERITIES,
  SPECIAL_CATEGORIES,
  SUBJECT_GROUPS,
  type Incident,
} from '../src/model/incident.js';
import { precompiledValidator, registerDefaultSchema, schemaHash } from '../src/validate/precompiled.js';
import { precompiledSource } from '../src/validate/precompile.js';
import { defaultSchema } from '../src/validate/schemas.js';
import { packSchemaObject } from '../src/packs/load.js';
import { AUTHORITY_CODES, COUNTRIES, LANGUAGES, SECTORS, type Organisation } from '../src/model/organisation.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
// Test documents are mutated freely, including into shapes the model forbids.
type Doc = any;

function loadSchema(name: string): JsonObject {
  return JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as JsonObject;
}

const incidentSchema = loadSchema('incident');
const organisationSchema = loadSchema('organisation');

// ajv and ajv-formats are CommonJS with an `exports.default`; under NodeNext the default import
// is typed as the module object, at run time it may be either.
type AjvClass = typeof import('ajv/dist/2020.js').Ajv2020;
const AjvCtor: AjvClass = (Ajv as unknown as { default?: AjvClass }).default ?? (Ajv as unknown as AjvClass);
type FormatsPlugin = (ajv: InstanceType<AjvClass>) => unknown;
const applyFormats: FormatsPlugin =
  (addFormats as unknown as { default?: FormatsPlugin }).default ?? (addFormats as unknown as FormatsPlugin);

const ajv = new AjvCtor({ allErrors: true, strict: true });
applyFormats(ajv);
const validateIncident = ajv.compile(incidentSchema);
const validateOrganisation = ajv.compile(organisationSchema);

function errorsOf(validate: ValidateFunction, doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

function summary(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '(root)'} ${e.keyword}: ${e.message ?? ''}`).join('\n');
}

/** One path is the other or lies inside it (errors of conditionals sit on the parent object). */
function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(`${y}/`) || y === '';
  return inside(a, b) || inside(b, a);
}

// ---------------------------------------------------------------------------------------------
// Fictional documents
// ---------------------------------------------------------------------------------------------

const fullIncident: Incident = {
  id: '2026-004',
  organisation: 'van-dijk-advies',
  title: 'Dossieroverzicht per e-mail naar een verkeerde cliënt',
  reporter: {
    name: 'mr. L. van Dijk',
    function: 'Meldingsverantwoordelijke',
    email: 'privacy@vandijk-advies.example',
    phone: '+31 20 555 0123',
  },
  processor: {
    name: 'Voorbeeld ICT B.V.',
    contact: { name: 'S. Bos', function: 'Servicedesk', email: 'servicedesk@voorbeeld-ict.example', phone: '(020) 555-0199' },
    informed_controller_at: '2026-03-28T10:00:00+01:00',
    role: 'Beheer van de mailserver en de back-ups',
  },
  timeline: {
    started_at: '2026-03-27',
    ended_at: '2026-03-28T09:15:00+01:00',
    ongoing: false,
    discovered_at: '2026-03-28T09:40:00+01:00',
    aware_at: '2026-03-28T11:00:00+01:00',
    closed_at: '2026-04-10T16:00:00+02:00',
  },
  what: {
    facts: 'Een medewerker stuurde een dossieroverzicht naar een cliënt met dezelfde achternaam.',
    discovery: 'De ontvanger belde het kantoor op dezelfde ochtend.',
    cause: 'Automatisch aangevuld e-mailadres in het adresveld.',
    kind: 'email_wrong_recipient',
    nature: ['confidentiality', 'integrity', 'availability'],
    availability_loss: 'temporary',
    integrity_recoverable: true,
    exposure: 'known_recipients',
    malicious: false,
    exfiltration: 'ruled_out',
  },
  personal_data: {
    involved: true,
    kinds: ['name', 'contact_details', 'bsn', 'other_financial'],
    special_categories: ['health'],
    credentials: { opens: 'Het cliëntportaal met dossierstukken', opens_category: 'sensitive' },
    records: 14,
    records_estimated: true,
    description: 'Een overzicht van lopende dossiers met namen, BSN en medische verklaringen.',
  },
  data_subjects: {
    groups: ['customers', 'minors'],
    description: 'Cliënten van het kantoor en twee van hun kinderen.',
    count_min: 3,
    count_max: 5,
    vulnerable: true,
    countries: ['NL', 'BE'],
  },
  protection: {
    measure: 'encrypted',
    state_of_the_art: true,
    key_compromised: false,
    description: 'De bijlage was versleuteld met AES-256; het wachtwoord ging apart per sms.',
    backup: { available: true, restored: true, restore_hours: 2.5 },
  },
  containment: {
    recovered: false,
    recipient_trusted: true,
    deleted_by_recipient: true,
    deletion_confirmed_in_writing: true,
    passwords_reset: true,
    remote_wiped: false,
    access_revoked: true,
    description: 'De ontvanger heeft de e-mail verwijderd en dit per e-mail bevestigd.',
  },
  consequences: {
    for_data: ['unauthorised_knowledge', 'temporarily_unavailable'],
    for_people: ['loss_of_professional_secrecy', 'reputational_damage'],
    severity: 'limited',
    description: 'Een andere cliënt heeft kennis kunnen nemen van het overzicht.',
  },
  measures: {
    taken: ['Ontvanger gevraagd de e-mail te verwijderen.', 'Automatisch aanvullen van adressen uitgezet.'],
    planned: ['Vertraagd verzenden van e-mail met bijlagen instellen.'],
  },
  risk_assessment: {
    level: 'high',
    assessed_by: 'mr. L. van Dijk, meldingsverantwoordelijke',
    assessed_at: '2026-03-28T14:30:00+01:00',
    rationale: 'Gezondheidsgegevens van minderjarigen en het beroepsgeheim van het kantoor wegen zwaar.',
    enisa: {
      dpc: { value: 4, reason: 'Medische verklaringen in een juridisch dossier.' },
      ei: { value: 1, reason: 'Naam met BSN maakt identificatie eenvoudig.' },
      cb: { value: 0.75, reason: 'Bekende ontvanger, tijdelijk verlies van beschikbaarheid.' },
    },
  },
  authority: {
    notified_at: '2026-03-29T10:00:00+01:00',
    reference: 'M2026-000123',
    late_reasons: 'Niet van toepassing; dit veld staat hier alleen om het schema te testen.',
    not_notified_reason: 'Niet van toepassing; dit veld staat hier alleen om het schema te testen.',
    follow_ups: [
      { at: '2026-04-02T09:00:00+02:00', kind: 'supplement', summary: 'Aantal betrokkenen aangevuld.', reference: 'M2026-000123-1' },
      { at: '2026-04-05T09:00:00+02:00', kind: 'correction', summary: 'Begindatum gecorrigeerd.' },
    ],
    legal_ground: 'gdpr',
    other_supervisors: ['AFM'],
    other_authorities: ['GBA (België)'],
  },
  communication: {
    informed_at: '2026-03-30T12:00:00+02:00',
    channels: ['letter', 'email'],
    count: 5,
    planned: false,
    exemption: {
      ground: 'disproportionate_effort',
      grounds: 'Twee oud-cliënten zijn niet meer te achterhalen.',
      public_communication: 'Bericht op de website en in de nieuwsbrief.',
    },
    letter_requested: true,
  },
  police_report: { filed: true, at: '2026-03-29T15:00:00+01:00', reference: 'PL1300-2026012345' },
  insurer_informed_at: '2026-03-29T16:00:00+01:00',
  checklist: {
    identify_and_contain: { owner: 'L. van Dijk', done_at: '2026-03-28T10:30:00+01:00', note: 'Ontvanger gebeld.' },
    assess_risk: { owner: 'L. van Dijk', done_at: '2026-03-28T14:30:00+01:00' },
    notify_authority: { owner: 'L. van Dijk', done_at: '2026-03-29T10:00:00+01:00' },
    inform_data_subjects: { owner: 'P. de Wit' },
    improve: { owner: 'Voorbeeld ICT B.V.', note: 'Instelling mailprogramma aanpassen.' },
    document: { owner: 'P. de Wit' },
    legal_advice: { note: 'Niet nodig: eigen juristen.' },
  },
  professional_secrecy: true,
};

const minimalIncident: Incident = {
  id: 'INC-1',
  organisation: 'van-dijk-advies',
  title: 'USB-stick kwijt',
  reporter: { name: 'A. Jansen' },
  timeline: {
    discovered_at: '2026-10-24T22:15:00+02:00',
    aware_at: '2026-10-25T08:00:00+01:00',
  },
  what: {
    facts: 'Een USB-stick met cliëntgegevens is na een bespreking niet meer gevonden.',
    kind: 'device_lost_or_stolen',
    nature: ['availability'],
    malicious: false,
    exfiltration: 'unknown',
  },
  personal_data: { involved: true },
};

const fullOrganisation: Organisation = {
  id: 'van-dijk-advies',
  name: 'Van Dijk Juridisch Advies B.V.',
  address: { street: 'Voorbeeldgracht 12', postcode: '1015 AB', city: 'Amsterdam', country: 'NL' },
  chamber_of_commerce: '12345678',
  sector: 'legal',
  country: 'NL',
  authority: 'AP',
  wft_financial_undertaking: false,
  professional_secrecy: true,
  contacts: {
    breach_officer: { name: 'mr. L. van Dijk', function: 'Meldingsverantwoordelijke', email: 'privacy@vandijk-advies.example', phone: '+31 20 555 0123' },
    management: { name: 'P. de Wit', function: 'Directeur', email: 'directie@vandijk-advies.example', phone: '020 555 0100' },
    dpo: { name: 'R. Smit', function: 'Functionaris gegevensbescherming', email: 'fg@vandijk-advies.example', phone: '+31 6 5555 0123' },
    processor: {
      name: 'S. Bos',
      function: 'Servicedesk',
      email: 'servicedesk@voorbeeld-ict.example',
      phone: '(020) 555-0199',
      organisation: 'Voorbeeld ICT B.V.',
    },
  },
  letterhead: {
    tagline: 'Juridisch advies en mediation',
    website: 'www.vandijk-advies.example',
    email: 'info@vandijk-advies.example',
    phone: '+31 20 555 0100',
    logo: 'img/logo van dijk.png',
    place: 'Amsterdam',
    signatory: { name: 'P. de Wit', function: 'Directeur' },
  },
  language: 'nl',
  extends: '@voorbeeldfederatie/datalek-sjablonen@2.1.0',
  time_zone: 'Europe/Amsterdam',
};

const minimalOrganisation: Organisation = {
  id: 'kantoor-peeters',
  name: 'Verzekeringskantoor Peeters BV',
  address: { street: 'Voorbeeldlaan 3', postcode: '2000', city: 'Antwerpen', country: 'BE' },
  chamber_of_commerce: '0123.456.789',
  sector: 'insurance_intermediary',
  country: 'BE',
  wft_financial_undertaking: false,
  contacts: {
    breach_officer: { name: 'J. Peeters', email: 'jan@peeters.example', phone: '+32 3 555 01 23' },
    management: { name: 'M. Peeters', email: 'marie@peeters.example', phone: '03 555 01 24' },
  },
  language: 'nl',
};

const DELETE = Symbol('delete');

/** Set (or with DELETE remove) the value at a JSON pointer like "/authority/follow_ups/0/at". */
function setAt(doc: Doc, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  if (last === undefined) throw new Error(`bad pointer ${pointer}`);
  let node: Doc = doc;
  for (const key of keys) {
    if (node[key] === undefined) node[key] = {};
    node = node[key];
  }
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
}

type Change = readonly [pointer: string, value: unknown];
interface Case {
  name: string;
  base: 'full' | 'minimal';
  changes: Change[];
}
interface BadCase extends Case {
  path: string;
  keyword: string;
  /** Errors may sit anywhere inside or above this path; defaults to `path`. */
  scope?: string;
}

function build(full: unknown, minimal: unknown, c: Case): Doc {
  const doc: Doc = structuredClone(c.base === 'full' ? full : minimal);
  for (const [pointer, value] of c.changes) setAt(doc, pointer, value);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Incidents
// ---------------------------------------------------------------------------------------------

const goodIncidents: Case[] = [
  { name: 'the complete example', base: 'full', changes: [] },
  { name: 'the minimal example', base: 'minimal', changes: [] },
  { name: 'an instant in UTC with Z', base: 'minimal', changes: [['/timeline/aware_at', '2026-10-25T07:00:00Z']] },
  { name: 'an instant with fractional seconds', base: 'minimal', changes: [['/timeline/aware_at', '2026-10-25T07:00:00.250+01:00']] },
  { name: 'started_at as a full instant', base: 'minimal', changes: [['/timeline/started_at', '2026-10-24T20:00:00+02:00']] },
  { name: 'an exact count instead of a range', base: 'full', changes: [['/data_subjects/count_min', DELETE], ['/data_subjects/count_max', DELETE], ['/data_subjects/count', 0]] },
  { name: 'ongoing without an end', base: 'minimal', changes: [['/timeline/ongoing', true]] },
  { name: 'ongoing false with an end', base: 'minimal', changes: [['/timeline/ongoing', false], ['/timeline/ended_at', '2026-10-24']] },
  { name: 'an id with dots, underscores and dashes', base: 'minimal', changes: [['/id', 'INC.2026_01-a']] },
  { name: 'an id of 64 characters', base: 'minimal', changes: [['/id', `a${'b'.repeat(63)}`]] },
  { name: 'the encryption exemption without a public communication', base: 'full', changes: [['/communication/exemption', { ground: 'encryption', grounds: 'Volledige schijfversleuteling, sleutel niet gelekt.' }]] },
  { name: 'no personal data involved', base: 'minimal', changes: [['/personal_data', { involved: false }]] },
  { name: 'an empty list of special categories', base: 'full', changes: [['/personal_data/special_categories', []]] },
  { name: 'ENISA overrides at the edges', base: 'full', changes: [['/risk_assessment/enisa/dpc/value', 1], ['/risk_assessment/enisa/ei/value', 0.25], ['/risk_assessment/enisa/cb/value', 2]] },
  { name: 'a fractional DPC override', base: 'full', changes: [['/risk_assessment/enisa/dpc/value', 2.5]] },
  { name: 'zero restore hours', base: 'full', changes: [['/protection/backup/restore_hours', 0]] },
  { name: 'an empty checklist', base: 'minimal', changes: [['/checklist', {}]] },
  { name: 'a police report not filed', base: 'minimal', changes: [['/police_report', { filed: false }]] },
];

const badIncidents: BadCase[] = [
  // unknown keys
  { name: 'an unknown key at the root', base: 'full', changes: [['/severity', 'high']], path: '', keyword: 'additionalProperties' },
  { name: 'an unknown key in a nested object', base: 'full', changes: [['/what/severity', 'high']], path: '/what', keyword: 'additionalProperties' },
  { name: 'an unknown key in a list item', base: 'full', changes: [['/authority/follow_ups/0/note', 'x']], path: '/authority/follow_ups/0', keyword: 'additionalProperties' },
  { name: 'an unknown checklist step', base: 'full', changes: [['/checklist/celebrate', { owner: 'iedereen' }]], path: '/checklist', keyword: 'additionalProperties' },
  { name: 'an unknown key in an ENISA override', base: 'full', changes: [['/risk_assessment/enisa/dpc/note', 'x']], path: '/risk_assessment/enisa/dpc', keyword: 'additionalProperties' },
  // wrong types
  { name: 'a number as instant deep in a list', base: 'full', changes: [['/authority/follow_ups/1/at', 20260405]], path: '/authority/follow_ups/1/at', keyword: 'type' },
  { name: 'a number in a list of texts', base: 'full', changes: [['/measures/taken/1', 42]], path: '/measures/taken/1', keyword: 'type' },
  { name: 'a string for a boolean', base: 'minimal', changes: [['/what/malicious', 'nee']], path: '/what/malicious', keyword: 'type' },
  { name: 'an empty YAML value (null)', base: 'minimal', changes: [['/title', null]], path: '/title', keyword: 'type' },
  { name: 'a scalar for an object', base: 'minimal', changes: [['/personal_data', true]], path: '/personal_data', keyword: 'type' },
  { name: 'a single value for a list', base: 'minimal', changes: [['/what/nature', 'availability']], path: '/what/nature', keyword: 'type' },
  { name: 'an empty title', base: 'minimal', changes: [['/title', '']], path: '/title', keyword: 'minLength' },
  // closed lists
  { name: 'an unknown incident kind', base: 'minimal', changes: [['/what/kind', 'fax_wrong_number']], path: '/what/kind', keyword: 'enum' },
  { name: 'an unknown data kind in a list', base: 'full', changes: [['/personal_data/kinds/1', 'shoe_size']], path: '/personal_data/kinds/1', keyword: 'enum' },
  { name: 'an unknown risk level', base: 'full', changes: [['/risk_assessment/level', 'medium']], path: '/risk_assessment/level', keyword: 'enum' },
  { name: 'an unknown exemption ground', base: 'full', changes: [['/communication/exemption/ground', 'no_time']], path: '/communication/exemption/ground', keyword: 'enum' },
  { name: 'a Dutch label instead of the value', base: 'full', changes: [['/consequences/severity', 'beperkt']], path: '/consequences/severity', keyword: 'enum' },
  { name: 'a duplicate nature', base: 'minimal', changes: [['/what/nature', ['availability', 'availability']]], path: '/what/nature', keyword: 'uniqueItems' },
  { name: 'an empty nature list', base: 'minimal', changes: [['/what/nature', []]], path: '/what/nature', keyword: 'minItems' },
  // instants and dates
  { name: 'an instant without UTC offset (pattern)', base: 'minimal', changes: [['/timeline/aware_at', '2026-10-25T08:00:00']], path: '/timeline/aware_at', keyword: 'pattern' },
  { name: 'an instant without UTC offset (format)', base: 'minimal', changes: [['/timeline/aware_at', '2026-10-25T08:00:00']], path: '/timeline/aware_at', keyword: 'format' },
  { name: 'an instant without seconds', base: 'minimal', changes: [['/timeline/aware_at', '2026-10-25T08:00+01:00']], path: '/timeline/aware_at', keyword: 'pattern' },
  { name: 'an instant with a space instead of T', base: 'minimal', changes: [['/timeline/aware_at', '2026-10-25 08:00:00+01:00']], path: '/timeline/aware_at', keyword: 'pattern' },
  { name: 'a plain date where an instant is needed', base: 'minimal', changes: [['/timeline/discovered_at', '2026-10-24']], path: '/timeline/discovered_at', keyword: 'pattern' },
  { name: 'an impossible day (30 February)', base: 'minimal', changes: [['/timeline/aware_at', '2026-02-30T10:00:00+01:00']], path: '/timeline/aware_at', keyword: 'format' },
  { name: 'an impossible hour', base: 'minimal', changes: [['/timeline/aware_at', '2026-10-25T25:00:00+01:00']], path: '/timeline/aware_at', keyword: 'format' },
  { name: 'a Dutch-style date for started_at', base: 'minimal', changes: [['/timeline/started_at', '24-10-2026']], path: '/timeline/started_at', keyword: 'anyOf' },
  { name: 'an impossible plain date', base: 'minimal', changes: [['/timeline/started_at', '2026-13-01']], path: '/timeline/started_at', keyword: 'anyOf' },
  { name: 'a checklist date without offset', base: 'full', changes: [['/checklist/assess_risk/done_at', '2026-03-28T14:30:00']], path: '/checklist/assess_risk/done_at', keyword: 'pattern' },
  // numbers
  { name: 'a negative count', base: 'minimal', changes: [['/data_subjects', { count: -1 }]], path: '/data_subjects/count', keyword: 'minimum' },
  { name: 'a fractional count', base: 'minimal', changes: [['/data_subjects', { count: 2.5 }]], path: '/data_subjects/count', keyword: 'type' },
  { name: 'a negative number of records', base: 'full', changes: [['/personal_data/records', -3]], path: '/personal_data/records', keyword: 'minimum' },
  { name: 'a fractional number of records', base: 'full', changes: [['/personal_data/records', 1.5]], path: '/personal_data/records', keyword: 'type' },
  { name: 'a negative number informed', base: 'full', changes: [['/communication/count', -5]], path: '/communication/count', keyword: 'minimum' },
  { name: 'negative restore hours', base: 'full', changes: [['/protection/backup/restore_hours', -1]], path: '/protection/backup/restore_hours', keyword: 'minimum' },
  { name: 'a DPC above 4', base: 'full', changes: [['/risk_assessment/enisa/dpc/value', 5]], path: '/risk_assessment/enisa/dpc/value', keyword: 'maximum' },
  { name: 'a DPC below 1', base: 'full', changes: [['/risk_assessment/enisa/dpc/value', 0]], path: '/risk_assessment/enisa/dpc/value', keyword: 'minimum' },
  { name: 'an EI that is not a step of the scale', base: 'full', changes: [['/risk_assessment/enisa/ei/value', 0.3]], path: '/risk_assessment/enisa/ei/value', keyword: 'enum' },
  { name: 'a CB above 2', base: 'full', changes: [['/risk_assessment/enisa/cb/value', 2.5]], path: '/risk_assessment/enisa/cb/value', keyword: 'maximum' },
  { name: 'a CB between quarter steps', base: 'full', changes: [['/risk_assessment/enisa/cb/value', 0.3]], path: '/risk_assessment/enisa/cb/value', keyword: 'multipleOf' },
  { name: 'an override without reason', base: 'full', changes: [['/risk_assessment/enisa/dpc/reason', DELETE]], path: '/risk_assessment/enisa/dpc', keyword: 'required' },
  // ids
  { name: 'an id with ../', base: 'minimal', changes: [['/id', '../etc/passwd']], path: '/id', keyword: 'pattern' },
  { name: 'an id with a slash', base: 'minimal', changes: [['/id', 'acme/2026-004']], path: '/id', keyword: 'pattern' },
  { name: 'an id with two dots inside', base: 'minimal', changes: [['/id', 'a..b']], path: '/id', keyword: 'not' },
  { name: 'an id starting with a dot', base: 'minimal', changes: [['/id', '.hidden']], path: '/id', keyword: 'pattern' },
  { name: 'an id of 65 characters', base: 'minimal', changes: [['/id', `a${'b'.repeat(64)}`]], path: '/id', keyword: 'pattern' },
  { name: 'an id with a space', base: 'minimal', changes: [['/id', '2026 004']], path: '/id', keyword: 'pattern' },
  { name: 'a numeric id (unquoted in YAML)', base: 'minimal', changes: [['/id', 2026004]], path: '/id', keyword: 'type' },
  { name: 'an organisation id with capitals', base: 'minimal', changes: [['/organisation', 'Van-Dijk']], path: '/organisation', keyword: 'pattern' },
  { name: 'an organisation id with a slash', base: 'minimal', changes: [['/organisation', '../van-dijk']], path: '/organisation', keyword: 'pattern' },
  // required fields
  { name: 'no title', base: 'minimal', changes: [['/title', DELETE]], path: '', keyword: 'required' },
  { name: 'no moment of awareness', base: 'minimal', changes: [['/timeline/aware_at', DELETE]], path: '/timeline', keyword: 'required' },
  { name: 'no reporter name', base: 'minimal', changes: [['/reporter/name', DELETE]], path: '/reporter', keyword: 'required' },
  { name: 'no summary in a follow-up', base: 'full', changes: [['/authority/follow_ups/0/summary', DELETE]], path: '/authority/follow_ups/0', keyword: 'required' },
  { name: 'a risk assessment without rationale', base: 'full', changes: [['/risk_assessment/rationale', DELETE]], path: '/risk_assessment', keyword: 'required' },
  { name: 'a too short rationale', base: 'full', changes: [['/risk_assessment/rationale', 'laag']], path: '/risk_assessment/rationale', keyword: 'minLength' },
  { name: 'a police report without filed', base: 'minimal', changes: [['/police_report', { reference: 'PL-1' }]], path: '/police_report', keyword: 'required' },
  // conditionals
  { name: 'an exemption without grounds', base: 'full', changes: [['/communication/exemption/grounds', DELETE]], path: '/communication/exemption', keyword: 'required' },
  { name: 'an exemption with too short grounds', base: 'full', changes: [['/communication/exemption/grounds', 'n.v.t.']], path: '/communication/exemption/grounds', keyword: 'minLength' },
  { name: 'disproportionate effort without public communication', base: 'full', changes: [['/communication/exemption/public_communication', DELETE]], path: '/communication/exemption', keyword: 'required' },
  { name: 'count together with count_min and count_max', base: 'full', changes: [['/data_subjects/count', 4]], path: '/data_subjects/count_min', keyword: 'not', scope: '/data_subjects' },
  { name: 'count together with count_max', base: 'full', changes: [['/data_subjects/count_min', DELETE], ['/data_subjects/count', 4]], path: '/data_subjects/count_max', keyword: 'not' },
  { name: 'count_min without count_max', base: 'full', changes: [['/data_subjects/count_max', DELETE]], path: '/data_subjects', keyword: 'dependentRequired' },
  { name: 'an end while ongoing', base: 'minimal', changes: [['/timeline/ongoing', true], ['/timeline/ended_at', '2026-10-24']], path: '/timeline/ended_at', keyword: 'not' },
  { name: 'availability_loss without an availability breach', base: 'minimal', changes: [['/what/nature', ['confidentiality']], ['/what/availability_loss', 'permanent']], path: '/what/availability_loss', keyword: 'not' },
  { name: 'integrity_recoverable without an integrity breach', base: 'minimal', changes: [['/what/integrity_recoverable', true]], path: '/what/integrity_recoverable', keyword: 'not' },
  { name: 'exposure without a confidentiality breach', base: 'minimal', changes: [['/what/exposure', 'published']], path: '/what/exposure', keyword: 'not' },
  // contact details and codes
  { name: 'an impossible e-mail address', base: 'full', changes: [['/reporter/email', 'privacy-at-vandijk']], path: '/reporter/email', keyword: 'format' },
  { name: 'a phone number with too few digits', base: 'full', changes: [['/reporter/phone', '12 34']], path: '/reporter/phone', keyword: 'pattern' },
  { name: 'a phone number with letters', base: 'full', changes: [['/processor/contact/phone', '020-KANTOOR']], path: '/processor/contact/phone', keyword: 'pattern' },
  { name: 'a lower-case country code', base: 'full', changes: [['/data_subjects/countries/0', 'nl']], path: '/data_subjects/countries/0', keyword: 'pattern' },
  { name: 'a country name instead of a code', base: 'full', changes: [['/data_subjects/countries/1', 'België']], path: '/data_subjects/countries/1', keyword: 'pattern' },
];

describe('incident.schema.json', () => {
  it('has the draft 2020-12 header, an $id and a Dutch title and description', () => {
    expect(incidentSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(incidentSchema.$id).toBe('https://datalek.local/schemas/incident.schema.json');
    expect(typeof incidentSchema.title).toBe('string');
    expect(typeof incidentSchema.description).toBe('string');
  });

  it.each(goodIncidents)('accepts $name', (c) => {
    const errors = errorsOf(validateIncident, build(fullIncident, minimalIncident, c));
    expect(summary(errors)).toBe('');
  });

  it('has at least 25 bad cases', () => {
    expect(badIncidents.length).toBeGreaterThanOrEqual(25);
  });

  it.each(badIncidents)('rejects $name: $keyword at "$path"', (c) => {
    const errors = errorsOf(validateIncident, build(fullIncident, minimalIncident, c));
    expect(errors.length, 'the document should be invalid').toBeGreaterThan(0);
    expect(errors, summary(errors)).toContainEqual(expect.objectContaining({ instancePath: c.path, keyword: c.keyword }));
    // Nothing else in the document is reported: every error concerns the changed field.
    for (const e of errors) expect(related(e.instancePath, c.scope ?? c.path), summary(errors)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

const goodOrganisations: Case[] = [
  { name: 'the complete example', base: 'full', changes: [] },
  { name: 'the minimal (Belgian) example', base: 'minimal', changes: [] },
  { name: 'a Dutch postcode without space', base: 'full', changes: [['/address/postcode', '1015AB']] },
  { name: 'a Belgian enterprise number without dots', base: 'minimal', changes: [['/chamber_of_commerce', '0123456789']] },
  { name: 'a Belgian office with the Flemish supervisor, in French', base: 'minimal', changes: [['/authority', 'VTC'], ['/language', 'fr']] },
  { name: 'a time zone with three parts', base: 'full', changes: [['/time_zone', 'America/Argentina/Buenos_Aires']] },
  { name: 'a financial undertaking', base: 'full', changes: [['/sector', 'insurance_intermediary'], ['/wft_financial_undertaking', true]] },
  { name: 'a processor contact without organisation', base: 'full', changes: [['/contacts/processor/organisation', DELETE]] },
];

const badOrganisations: BadCase[] = [
  { name: 'an unknown key at the root', base: 'full', changes: [['/kvk', '12345678']], path: '', keyword: 'additionalProperties' },
  { name: 'an unknown key in a contact', base: 'full', changes: [['/contacts/dpo/mobile', '0612345678']], path: '/contacts/dpo', keyword: 'additionalProperties' },
  { name: 'an unknown contact role', base: 'full', changes: [['/contacts/secretary', { name: 'X', email: 'x@y.example', phone: '0205550000' }]], path: '/contacts', keyword: 'additionalProperties' },
  { name: 'an unknown key in the signatory', base: 'full', changes: [['/letterhead/signatory/title', 'mr.']], path: '/letterhead/signatory', keyword: 'additionalProperties' },
  { name: 'an id with capitals', base: 'full', changes: [['/id', 'Van-Dijk']], path: '/id', keyword: 'pattern' },
  { name: 'an id with an underscore', base: 'full', changes: [['/id', 'van_dijk']], path: '/id', keyword: 'pattern' },
  { name: 'an id starting with a dash', base: 'full', changes: [['/id', '-van-dijk']], path: '/id', keyword: 'pattern' },
  { name: 'an id with a path', base: 'full', changes: [['/id', '../van-dijk']], path: '/id', keyword: 'pattern' },
  { name: 'no Wft flag', base: 'minimal', changes: [['/wft_financial_undertaking', DELETE]], path: '', keyword: 'required' },
  { name: 'a Wft flag as text', base: 'minimal', changes: [['/wft_financial_undertaking', 'nee']], path: '/wft_financial_undertaking', keyword: 'type' },
  { name: 'no contacts', base: 'minimal', changes: [['/contacts', DELETE]], path: '', keyword: 'required' },
  { name: 'no management contact', base: 'minimal', changes: [['/contacts/management', DELETE]], path: '/contacts', keyword: 'required' },
  { name: 'a contact without phone', base: 'minimal', changes: [['/contacts/management/phone', DELETE]], path: '/contacts/management', keyword: 'required' },
  { name: 'a processor contact without e-mail', base: 'full', changes: [['/contacts/processor/email', DELETE]], path: '/contacts/processor', keyword: 'required' },
  { name: 'an impossible e-mail address', base: 'full', changes: [['/contacts/breach_officer/email', 'privacy@']], path: '/contacts/breach_officer/email', keyword: 'format' },
  { name: 'a phone number with too few digits', base: 'full', changes: [['/letterhead/phone', '+31 20']], path: '/letterhead/phone', keyword: 'pattern' },
  { name: 'an unknown sector', base: 'full', changes: [['/sector', 'bakery']], path: '/sector', keyword: 'enum' },
  { name: 'a country the tool does not serve', base: 'full', changes: [['/country', 'DE']], path: '/country', keyword: 'enum' },
  { name: 'an unknown language', base: 'full', changes: [['/language', 'es']], path: '/language', keyword: 'enum' },
  { name: 'an unknown authority', base: 'full', changes: [['/authority', 'CNIL']], path: '/authority', keyword: 'enum' },
  { name: 'a Dutch postcode without letters', base: 'full', changes: [['/address/postcode', '1015']], path: '/address/postcode', keyword: 'pattern' },
  { name: 'a Belgian postcode with letters', base: 'minimal', changes: [['/address/postcode', '2000 AB']], path: '/address/postcode', keyword: 'pattern' },
  { name: 'a postcode as number (unquoted in YAML)', base: 'minimal', changes: [['/address/postcode', 2000]], path: '/address/postcode', keyword: 'type' },
  { name: 'an address without city', base: 'full', changes: [['/address/city', DELETE]], path: '/address', keyword: 'required' },
  { name: 'a KvK number of seven digits', base: 'full', changes: [['/chamber_of_commerce', '1234567']], path: '/chamber_of_commerce', keyword: 'pattern' },
  { name: 'a KvK number as number (unquoted in YAML)', base: 'full', changes: [['/chamber_of_commerce', 12345678]], path: '/chamber_of_commerce', keyword: 'type' },
  { name: 'a Dutch KvK number for a Belgian office', base: 'minimal', changes: [['/chamber_of_commerce', '12345678']], path: '/chamber_of_commerce', keyword: 'pattern' },
  { name: 'a Belgian enterprise number for a Dutch office', base: 'full', changes: [['/chamber_of_commerce', '0123.456.789']], path: '/chamber_of_commerce', keyword: 'pattern' },
  { name: 'a logo path leaving the folder', base: 'full', changes: [['/letterhead/logo', '../andere-org/logo.png']], path: '/letterhead/logo', keyword: 'pattern' },
  { name: 'a logo path with .. inside', base: 'full', changes: [['/letterhead/logo', 'img/../../geheim.png']], path: '/letterhead/logo', keyword: 'not' },
  { name: 'an absolute logo path', base: 'full', changes: [['/letterhead/logo', '/etc/logo.png']], path: '/letterhead/logo', keyword: 'pattern' },
  { name: 'a signatory without name', base: 'full', changes: [['/letterhead/signatory/name', DELETE]], path: '/letterhead/signatory', keyword: 'required' },
  { name: 'a time zone with a space', base: 'full', changes: [['/time_zone', 'Europe Amsterdam']], path: '/time_zone', keyword: 'pattern' },
  { name: 'an empty name', base: 'full', changes: [['/name', '']], path: '/name', keyword: 'minLength' },
];

describe('organisation.schema.json', () => {
  it('has the draft 2020-12 header, an $id and a Dutch title and description', () => {
    expect(organisationSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(organisationSchema.$id).toBe('https://datalek.local/schemas/organisation.schema.json');
    expect(typeof organisationSchema.title).toBe('string');
    expect(typeof organisationSchema.description).toBe('string');
  });

  it.each(goodOrganisations)('accepts $name', (c) => {
    const errors = errorsOf(validateOrganisation, build(fullOrganisation, minimalOrganisation, c));
    expect(summary(errors)).toBe('');
  });

  it.each(badOrganisations)('rejects $name: $keyword at "$path"', (c) => {
    const errors = errorsOf(validateOrganisation, build(fullOrganisation, minimalOrganisation, c));
    expect(errors.length, 'the document should be invalid').toBeGreaterThan(0);
    expect(errors, summary(errors)).toContainEqual(expect.objectContaining({ instancePath: c.path, keyword: c.keyword }));
    for (const e of errors) expect(related(e.instancePath, c.scope ?? c.path), summary(errors)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Schema structure: closed lists, titles and descriptions, closed objects
// ---------------------------------------------------------------------------------------------

interface Visit {
  pointer: string;
  node: JsonObject;
  /** The keyword that led here: "properties", "items", "$defs", "then", ... */
  via: string;
}

/** Every subschema of a schema, depth first, except `if` conditions (they describe no data). */
function walk(node: Json, pointer = '', via = ''): Visit[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  const out: Visit[] = [{ pointer, node, via }];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'if' || key === 'examples' || key === 'enum' || key === 'const') continue;
    if (value === null || typeof value !== 'object') continue;
    const here = `${pointer}/${key}`;
    if (key === 'properties' || key === '$defs' || key === 'dependentSchemas') {
      for (const [name, sub] of Object.entries(value as JsonObject)) out.push(...walk(sub, `${here}/${name}`, key));
    } else if (Array.isArray(value)) {
      value.forEach((sub, i) => out.push(...walk(sub, `${here}/${i}`, key)));
    } else {
      out.push(...walk(value, here, key));
    }
  }
  return out;
}

const schemas = { incident: incidentSchema, organisation: organisationSchema } as const;

/** Where each closed list lives, and the model array it must equal. */
const enumTable: Record<'incident' | 'organisation', Record<string, readonly (string | number)[]>> = {
  incident: {
    '/properties/what/properties/kind': INCIDENT_KINDS,
    '/properties/what/properties/nature/items': NATURES,
    '/properties/what/properties/availability_loss': AVAILABILITY_LOSSES,
    '/properties/what/properties/exposure': EXPOSURES,
    '/properties/what/properties/exfiltration': EXFILTRATION,
    '/properties/personal_data/properties/kinds/items': DATA_KINDS,
    '/properties/personal_data/properties/special_categories/items': SPECIAL_CATEGORIES,
    '/properties/personal_data/properties/credentials/properties/opens_category': DPC_CATEGORIES,
    '/properties/data_subjects/properties/groups/items': SUBJECT_GROUPS,
    '/properties/protection/properties/measure': PROTECTIONS,
    '/properties/consequences/properties/for_data/items': DATA_CONSEQUENCES,
    '/properties/consequences/properties/for_people/items': PEOPLE_CONSEQUENCES,
    '/properties/consequences/properties/severity': SEVERITIES,
    '/properties/risk_assessment/properties/level': RISK_LEVELS,
    '/properties/risk_assessment/properties/enisa/properties/ei/properties/value': ENISA_EI_VALUES,
    '/properties/authority/properties/legal_ground': LEGAL_GROUNDS,
    '/properties/authority/properties/other_supervisors/items': OTHER_SUPERVISORS,
    '/properties/communication/properties/channels/items': CHANNELS,
    '/properties/communication/properties/exemption/properties/ground': EXEMPTIONS,
    '/$defs/followUp/properties/kind': FOLLOW_UP_KINDS,
  },
  organisation: {
    '/properties/address/properties/country': COUNTRIES,
    '/properties/sector': SECTORS,
    '/properties/country': COUNTRIES,
    '/properties/authority': AUTHORITY_CODES,
    '/properties/language': LANGUAGES,
  },
};

/** Words that show a sentence is Dutch (English descriptions would lack all of them). */
const DUTCH = /\b(de|het|een|van|wordt|niet|zijn|bij|voor|naar)\b/i;

describe.each(Object.keys(schemas) as (keyof typeof schemas)[])('%s schema structure', (name) => {
  const schema = schemas[name];
  const visits = walk(schema);

  it('compiles in ajv strict mode', () => {
    const strictAjv = new AjvCtor({ allErrors: true, strict: true });
    applyFormats(strictAjv);
    expect(() => strictAjv.compile(schema)).not.toThrow();
  });

  it('keeps every closed list identical to the model', () => {
    const found = visits.filter((v) => Array.isArray(v.node.enum));
    expect(found.map((v) => v.pointer).sort()).toEqual(Object.keys(enumTable[name]).sort());
    for (const v of found) expect(v.node.enum, v.pointer).toEqual([...(enumTable[name][v.pointer] ?? [])]);
  });

  it('explains every value of a closed list of strings in its description', () => {
    for (const v of visits.filter((x) => Array.isArray(x.node.enum))) {
      const description = String(v.node.description ?? '');
      for (const value of v.node.enum as Json[]) {
        expect(description, `${v.pointer}: ${String(value)}`).toContain(String(value));
      }
    }
  });

  it('gives every property, list item and definition a Dutch title and description', () => {
    const described = visits.filter((v) => ['properties', 'items', '$defs'].includes(v.via));
    expect(described.length).toBeGreaterThan(20);
    for (const v of described) {
      expect(typeof v.node.title === 'string' && v.node.title.trim().length > 0, `title at ${v.pointer}`).toBe(true);
      expect(typeof v.node.description === 'string' && v.node.description.trim().length > 0, `description at ${v.pointer}`).toBe(true);
      expect(String(v.node.description), `Dutch description at ${v.pointer}`).toMatch(DUTCH);
    }
  });

  it('closes every object with additionalProperties: false', () => {
    const objects = visits.filter((v) => v.node.type === 'object');
    expect(objects.length).toBeGreaterThan(3);
    for (const v of objects) expect(v.node.additionalProperties, v.pointer).toBe(false);
  });
});

describe('model and schema agree on the checklist', () => {
  it('lists exactly the checklist steps of the model', () => {
    const checklist = (incidentSchema.properties as JsonObject).checklist as JsonObject;
    expect(Object.keys(checklist.properties as JsonObject)).toEqual([...CHECKLIST_STEPS]);
  });

  it('requires exactly the non-optional fields of Incident and Organisation at the root', () => {
    // The typed examples above compile only if they carry every required field of the model;
    // the minimal ones carry nothing more, so the schemas must require exactly these.
    expect([...(incidentSchema.required as string[])].sort()).toEqual(Object.keys(minimalIncident).sort());
    expect([...(organisationSchema.required as string[])].sort()).toEqual(Object.keys(minimalOrganisation).sort());
  });
});

// ---------------------------------------------------------------------------------------------
// The build's precompiled validators (src/validate/precompiled.ts): same verdict as ajv
// ---------------------------------------------------------------------------------------------

describe('the precompiled validators of `npm run build`', () => {
  const incident = precompiledValidator(defaultSchema('incident'));
  const organisation = precompiledValidator(defaultSchema('organisation'));

  it('exist for the current schemas (the test command builds first)', () => {
    expect(incident, 'dist/validate/compiled/incident.cjs missing or made from another schema: run `npm run build`').toBeTypeOf('function');
    expect(organisation, 'dist/validate/compiled/organisation.cjs missing or made from another schema').toBeTypeOf('function');
    expect(precompiledValidator(packSchemaObject()), 'dist/validate/compiled/pack.cjs').toBeTypeOf('function');
  });

  const kinds = {
    incident: { good: goodIncidents, bad: badIncidents, full: fullIncident, minimal: minimalIncident, ajv: validateIncident, generated: incident },
    organisation: { good: goodOrganisations, bad: badOrganisations, full: fullOrganisation, minimal: minimalOrganisation, ajv: validateOrganisation, generated: organisation },
  };
  const verdicts = Object.entries(kinds).flatMap(([kind, k]) => [...k.good.map((c) => ({ ...c, kind, good: true })), ...k.bad.map((c) => ({ ...c, kind, good: false }))]);

  it.each(verdicts)('gives ajv’s verdict on the $kind $name', (c) => {
    const k = kinds[c.kind as keyof typeof kinds];
    const doc = build(k.full, k.minimal, c);
    expect(k.ajv(doc)).toBe(c.good);
    expect(k.generated!(doc)).toBe(c.good);
  });

  it('is not used for a schema that differs from the one it was made from', () => {
    const edited = { ...defaultSchema('incident'), description: 'een andere versie' };
    expect(precompiledValidator(edited)).toBeUndefined(); // not a default schema
    registerDefaultSchema('incident', edited);
    expect(precompiledValidator(edited)).toBeUndefined(); // a default schema, but another hash
  });
});

describe('precompiledSource', () => {
  it('writes a CommonJS validator with formats that exports the schema’s hash', () => {
    const schema = { type: 'object', properties: { at: { type: 'string', format: 'date-time' } }, required: ['at'], additionalProperties: false };
    const module = { exports: {} as { (v: unknown): boolean; schemaHash?: string } };
    new Function('module', 'exports', 'require', precompiledSource(schema))(module, module.exports, createRequire(import.meta.url));
    expect(module.exports.schemaHash).toBe(schemaHash(schema));
    expect(module.exports({ at: '2026-03-02T10:00:00+01:00' })).toBe(true);
    expect(module.exports({ at: '2 maart' })).toBe(false);
    expect(module.exports({ at: '2026-03-02T10:00:00+01:00', extra: 1 })).toBe(false);
    expect(module.exports({})).toBe(false);
  });
});
