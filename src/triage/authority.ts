/** The competent supervisory authority of an organisation. */
import type { AuthorityCode, Country, Organisation } from '../model/organisation.js';

export interface AuthorityInfo {
  code: AuthorityCode;
  name: string;
}

export const AUTHORITY_NAMES: Readonly<Record<AuthorityCode, string>> = {
  AP: 'Autoriteit Persoonsgegevens',
  GBA: 'Gegevensbeschermingsautoriteit',
  VTC: 'Vlaamse Toezichtcommissie',
  COC: 'Controleorgaan op de politionele informatie',
};

/** Authorities that supervise in each country. */
const COUNTRY_AUTHORITIES: Readonly<Record<Country, readonly AuthorityCode[]>> = {
  NL: ['AP'],
  BE: ['GBA', 'VTC', 'COC'],
};

const COUNTRY_DEFAULT: Readonly<Record<Country, AuthorityCode>> = { NL: 'AP', BE: 'GBA' };

/** The organisation's explicit `authority`, else the default of its country (NL: AP, BE: GBA). */
export function authorityFor(organisation: Pick<Organisation, 'authority' | 'country'>): AuthorityInfo {
  const code = organisation.authority ?? COUNTRY_DEFAULT[organisation.country];
  return { code, name: AUTHORITY_NAMES[code] };
}

/** Warnings about an authority that does not supervise in the organisation's country. */
export function authorityWarnings(organisation: Pick<Organisation, 'authority' | 'country' | 'id'>): string[] {
  const code = organisation.authority;
  if (code === undefined || COUNTRY_AUTHORITIES[organisation.country].includes(code)) return [];
  return [
    `Organisation ${organisation.id} is in ${organisation.country} but names ${code} (${AUTHORITY_NAMES[code]}) as its authority; ` +
      `check the organisation's "authority" field.`,
  ];
}
