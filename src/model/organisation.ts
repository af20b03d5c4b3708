/**
 * The organisation (office) config: templates/<org>/organisation.yaml, validated against
 * schemas/organisation.schema.json. The folder name is the organisation id that incidents use.
 */

export const COUNTRIES = ['NL', 'BE'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Competent supervisory authorities this tool knows. */
export const AUTHORITY_CODES = ['AP', 'GBA', 'VTC', 'COC'] as const;
export type AuthorityCode = (typeof AUTHORITY_CODES)[number];

export const SECTORS = [
  'legal', // advocatuur, juridisch advies
  'insurance_intermediary',
  'financial_intermediary',
  'accountancy',
  'notary',
  'healthcare',
  'education',
  'public',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Address {
  street: string;
  postcode: string;
  city: string;
  country: Country;
}

export interface Contact {
  name: string;
  function?: string;
  email: string;
  phone: string;
}

export interface Contacts {
  /** The person responsible for breach notifications (meldingsverantwoordelijke). */
  breach_officer: Contact;
  /** Management (directie). */
  management: Contact;
  /** Data protection officer (functionaris gegevensbescherming / FG), if the office has one. */
  dpo?: Contact;
  /** Contact person at the processor (verwerker). */
  processor?: Contact & { organisation?: string };
}

export interface Letterhead {
  /** Line(s) printed under the name, e.g. "Advocaten en mediators". */
  tagline?: string;
  website?: string;
  email?: string;
  phone?: string;
  /** Logo file, relative to templates/<org>/. */
  logo?: string;
  /** Place name used in "<place>, <date>" above letters; defaults to address.city. */
  place?: string;
  /** Who signs letters (name and function). */
  signatory?: { name: string; function?: string };
}

export interface Organisation {
  /** Equals the folder name under templates/. */
  id: string;
  name: string;
  address: Address;
  /** Chamber of commerce number: KvK (8 digits) in NL, KBO/BCE enterprise number in BE. */
  chamber_of_commerce: string;
  sector: Sector;
  country: Country;
  /** Competent authority; defaults from country (NL: AP, BE: GBA). */
  authority?: AuthorityCode;
  /** A financial undertaking under the Dutch Wft (e.g. an insurance intermediary): UAVG art. 42 applies. */
  wft_financial_undertaking: boolean;
  /** Professionals bound by secrecy (lawyers, notaries, doctors). */
  professional_secrecy?: boolean;
  contacts: Contacts;
  letterhead?: Letterhead;
  language: Language;
  /** Template pack this organisation extends: a folder path or an npm package name, optionally @version. */
  extends?: string;
  /** IANA time zone for showing instants; defaults to Europe/Amsterdam (NL) or Europe/Brussels (BE). */
  time_zone?: string;
}
