/**
 * What `datalek init` asks (pure): each value of a new office, its flag, its question, how it is
 * tidied, how it is checked, and its default. The same checks apply to flags and to answers on a
 * terminal. Patterns and allowed values follow schemas/organisation.schema.json (the sectors are
 * read from it); the generated organisation.yaml is validated against the schema at the end anyway.
 */
import { SECTORS } from '../model/organisation.js';

export interface InitValues {
  org: string;
  name: string;
  country: 'NL' | 'BE';
  sector: string;
  kvk: string;
  street: string;
  postcode: string;
  city: string;
  email: string;
  phone: string;
  website: string;
  breachOfficer: string;
  breachOfficerEmail: string;
  breachOfficerPhone: string;
  management: string;
  wft: string;
  professionalSecrecy: string;
  language: string;
  extends: string;
}

export type Key = keyof InitValues;

export interface Question {
  key: Key;
  /** The command-line flag, without dashes. */
  flag: string;
  /** The question on a terminal, and the flag's help. */
  label: string;
  /** Must be given (by flag or answer); otherwise it has a default (possibly empty: left out). */
  required: boolean;
  /** Only asked when this holds for the values so far. */
  askIf?: (v: Partial<InitValues>) => boolean;
  /** The default, from the values so far; '' means "leave it out". */
  fallback?: (v: Partial<InitValues>) => string;
  /** Tidies what was typed (trim, upper case, spacing). */
  tidy?: (raw: string, v: Partial<InitValues>) => string;
  /** A reason when the (tidied) value is not acceptable. */
  check?: (value: string, v: Partial<InitValues>) => string | undefined;
  /** Shown with the question, e.g. the allowed values. */
  hint?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[ ()-]*(\d[ ()-]*){6,}$/;
const ORG_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const YES = /^(y|yes|j|ja|true|oui)$/i;
const NO = /^(n|no|nee|false|non)$/i;

/** "Kantoor De Vries B.V." -> "kantoor-de-vries". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // a legal form at the end: B.V., BVBA, N.V., V.O.F., C.V., SRL, SPRL, S.A., CommV
    .replace(/[\s,]+(b\.?v\.?(b\.?a\.?)?|n\.?v\.?|v\.?o\.?f\.?|c\.?v\.?|s\.?r\.?l\.?|s\.?p\.?r\.?l\.?|s\.?a\.?|comm\.?v\.?)\s*$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

const yesNo = (raw: string): string => (YES.test(raw.trim()) ? 'yes' : NO.test(raw.trim()) ? 'no' : raw.trim());
const checkYesNo = (v: string): string | undefined => (v === 'yes' || v === 'no' ? undefined : 'answer yes or no');

/** Sectors whose staff are bound by professional secrecy by default. */
const SECRECY_SECTORS = new Set(['legal', 'notary', 'healthcare']);

export const QUESTIONS: readonly Question[] = [
  { key: 'name', flag: 'name', label: 'Name of the office (as in the trade register)', required: true },
  {
    key: 'org',
    flag: 'org',
    label: 'Organisation id (folder name under templates/ and incidents/)',
    required: true,
    fallback: (v) => (v.name ? slugify(v.name) : ''),
    tidy: (raw) => raw.trim().toLowerCase(),
    check: (v) => (ORG_ID.test(v) ? undefined : 'use lower-case letters, digits and dashes, starting with a letter or digit, at most 64'),
  },
  {
    key: 'country',
    flag: 'country',
    label: 'Country of establishment',
    hint: 'NL or BE',
    required: true,
    tidy: (raw) => raw.trim().toUpperCase(),
    check: (v) => (v === 'NL' || v === 'BE' ? undefined : 'NL or BE'),
  },
  {
    key: 'sector',
    flag: 'sector',
    label: 'Sector',
    hint: SECTORS.join(', '),
    required: true,
    tidy: (raw) => raw.trim().toLowerCase().replace(/[\s-]+/g, '_'),
    check: (v) => ((SECTORS as readonly string[]).includes(v) ? undefined : `one of: ${SECTORS.join(', ')}`),
  },
  {
    key: 'kvk',
    flag: 'kvk',
    label: 'KvK number (NL, 8 digits) or enterprise number (BE, 10 digits)',
    required: true,
    tidy: (raw) => raw.replace(/\s+/g, ''),
    check: (v, all) =>
      all.country === 'BE'
        ? /^[01]\d{3}\.?\d{3}\.?\d{3}$/.test(v)
          ? undefined
          : 'a Belgian enterprise number has ten digits and starts with 0 or 1, e.g. 0123.456.789'
        : /^\d{8}$/.test(v)
          ? undefined
          : 'a KvK number has eight digits, e.g. 12345678',
  },
  { key: 'street', flag: 'street', label: 'Street and number', required: true },
  {
    key: 'postcode',
    flag: 'postcode',
    label: 'Postcode',
    required: true,
    tidy: (raw, all) => {
      const t = raw.trim().toUpperCase();
      const m = /^(\d{4})\s*([A-Z]{2})$/.exec(t);
      return all.country !== 'BE' && m ? `${m[1]} ${m[2]}` : t;
    },
    check: (v, all) =>
      all.country === 'BE' ? (/^\d{4}$/.test(v) ? undefined : 'a Belgian postcode has four digits, e.g. 1000') : /^\d{4} [A-Z]{2}$/.test(v) ? undefined : 'a Dutch postcode is four digits and two letters, e.g. 1234 AB',
  },
  { key: 'city', flag: 'city', label: 'City', required: true },
  {
    key: 'email',
    flag: 'email',
    label: 'General e-mail address of the office',
    required: true,
    check: (v) => (EMAIL.test(v) ? undefined : 'an e-mail address such as info@kantoor.nl'),
  },
  {
    key: 'phone',
    flag: 'phone',
    label: 'General phone number of the office',
    required: true,
    check: (v) => (PHONE.test(v) ? undefined : 'a phone number with at least six digits, e.g. 020-555 0100'),
  },
  { key: 'website', flag: 'website', label: 'Website (for the letterhead; empty: none)', required: false, fallback: () => '' },
  { key: 'breachOfficer', flag: 'breach-officer', label: 'Name of the person responsible for breach notifications (meldingsverantwoordelijke)', required: true },
  {
    key: 'breachOfficerEmail',
    flag: 'breach-officer-email',
    label: 'Their e-mail address',
    required: false,
    fallback: (v) => v.email ?? '',
    check: (v) => (EMAIL.test(v) ? undefined : 'an e-mail address such as naam@kantoor.nl'),
  },
  {
    key: 'breachOfficerPhone',
    flag: 'breach-officer-phone',
    label: 'Their phone number',
    required: false,
    fallback: (v) => v.phone ?? '',
    check: (v) => (PHONE.test(v) ? undefined : 'a phone number with at least six digits'),
  },
  {
    key: 'management',
    flag: 'management',
    label: 'Name of the management contact (directie); signs the letters',
    required: false,
    fallback: (v) => v.breachOfficer ?? '',
  },
  {
    key: 'wft',
    flag: 'wft',
    label: 'A financial undertaking under the Dutch Wft (UAVG art. 42: people are then not informed)?',
    hint: 'yes or no',
    required: false,
    askIf: (v) => v.country === 'NL' && (v.sector === 'insurance_intermediary' || v.sector === 'financial_intermediary'),
    fallback: () => 'no',
    tidy: yesNo,
    check: checkYesNo,
  },
  {
    key: 'professionalSecrecy',
    flag: 'professional-secrecy',
    label: 'Is the staff bound by professional secrecy (lawyers, notaries, doctors)?',
    hint: 'yes or no',
    required: false,
    fallback: (v) => (SECRECY_SECTORS.has(v.sector ?? '') ? 'yes' : 'no'),
    tidy: yesNo,
    check: checkYesNo,
  },
  {
    key: 'language',
    flag: 'language',
    label: 'Language of the documents',
    hint: 'nl or fr',
    required: false,
    askIf: (v) => v.country === 'BE',
    fallback: () => 'nl',
    tidy: (raw) => raw.trim().toLowerCase(),
    check: (v) => (v === 'nl' || v === 'fr' ? undefined : 'nl or fr'),
  },
  {
    key: 'extends',
    flag: 'extends',
    label: 'Template pack of your federation (npm package or folder, with @range; empty: none)',
    required: false,
    fallback: () => '',
  },
];

/** The value as it will be used: tidied; the default when empty. */
export function tidyValue(q: Question, raw: string, values: Partial<InitValues>): string {
  const t = q.tidy ? q.tidy(raw, values) : raw.trim();
  return t === '' && q.fallback ? q.fallback(values) : t;
}

/** Why a value cannot be used, or undefined. Empty is fine for questions with a default. */
export function problemWith(q: Question, value: string, values: Partial<InitValues>): string | undefined {
  if (value === '') return q.required ? 'this is needed' : undefined;
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'control characters are not allowed';
  if (value.length > 300) return 'at most 300 characters';
  return q.check?.(value, values);
}
