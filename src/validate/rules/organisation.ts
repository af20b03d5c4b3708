/** Rules about organisation (office) configurations. */
import type { Diagnostic } from '../../model/diagnostic.js';
import { isValidZone } from '../time.js';
import { organisationRule, report } from './types.js';

export const wftOnlyInNetherlands = organisationRule(
  'wft-only-in-netherlands',
  'Only a Dutch office can be a financial undertaking under the (Dutch) Wft.',
  (item) => {
    const o = item.data;
    if (o?.wft_financial_undertaking !== true || o.country === 'NL') return [];
    return [report('DL-RULE-WFT-OUTSIDE-NL', item, ['wft_financial_undertaking'], { country: String(o.country) })];
  },
);

const AUTHORITIES: Record<string, string[]> = { NL: ['AP'], BE: ['GBA', 'VTC', 'COC'] };

export const authorityFitsCountry = organisationRule(
  'authority-fits-country',
  'The competent authority is one of the country (warning).',
  (item) => {
    const o = item.data;
    const allowed = AUTHORITIES[String(o?.country)];
    if (!o?.authority || !allowed || allowed.includes(o.authority)) return [];
    return [report('DL-RULE-AUTHORITY-COUNTRY', item, ['authority'], { authority: o.authority, country: o.country })];
  },
);

export const addressFitsCountry = organisationRule('address-fits-country', 'The address lies in the country of the office (warning).', (item) => {
  const o = item.data;
  const a = o?.address?.country;
  if (!a || !o.country || a === o.country) return [];
  return [report('DL-RULE-ADDRESS-COUNTRY', item, ['address', 'country'], { address: a, country: o.country })];
});

export const chamberOfCommerceNumber = organisationRule(
  'chamber-of-commerce-number',
  'A KvK number has 8 digits; a Belgian enterprise number 10, starting with 0 or 1 (warning).',
  (item) => {
    const o = item.data;
    const raw = o?.chamber_of_commerce;
    if (typeof raw !== 'string') return [];
    const digits = raw.replace(/^BE/i, '').replace(/[\s.-]/g, '');
    const out: Diagnostic[] = [];
    if (o.country === 'NL' && !/^\d{8}$/.test(digits)) {
      out.push(report('DL-RULE-CHAMBER-NUMBER', item, ['chamber_of_commerce'], { value: raw, expected: 'a KvK number (8 digits)' }));
    }
    if (o.country === 'BE' && !/^[01]\d{9}$/.test(digits)) {
      out.push(report('DL-RULE-CHAMBER-NUMBER', item, ['chamber_of_commerce'], { value: raw, expected: 'an enterprise number (10 digits, e.g. 0123.456.789)' }));
    }
    return out;
  },
);

export const knownTimeZone = organisationRule('known-time-zone', 'time_zone is a time zone the system knows.', (item) => {
  const zone = item.data?.time_zone;
  if (typeof zone !== 'string' || isValidZone(zone)) return [];
  return [report('DL-RULE-TIME-ZONE', item, ['time_zone'], { zone })];
});

export const languageAcceptedByAuthority = organisationRule(
  'language-accepted-by-authority',
  'The Belgian GBA accepts notifications in Dutch, French or German only (warning).',
  (item) => {
    const o = item.data;
    if (o?.country !== 'BE' || (o.authority !== undefined && o.authority !== 'GBA')) return [];
    if (!o.language || ['nl', 'fr', 'de'].includes(o.language)) return [];
    return [report('DL-RULE-LANGUAGE-AUTHORITY', item, ['language'], { language: o.language })];
  },
);
