/** Fictional incidents and organisations for the triage tests, built in code. */
import type { Incident, RiskLevel } from '../../src/model/incident.js';
import type { Organisation } from '../../src/model/organisation.js';

type Plain = Record<string, unknown>;
export type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merge plain objects recursively; arrays and scalars in `patch` replace; `undefined` removes the key. */
export function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  const out: Plain = { ...(base as Plain) };
  for (const [k, v] of Object.entries(patch as Plain)) {
    if (v === undefined) delete out[k];
    else if (isPlain(v) && isPlain(out[k])) out[k] = merge(out[k], v);
    else out[k] = v;
  }
  return out as T;
}

/** A Dutch law office, not a Wft undertaking, no professional secrecy flag unless given. */
export function anOrganisation(patch?: DeepPartial<Organisation>): Organisation {
  const base: Organisation = {
    id: 'testkantoor',
    name: 'Testkantoor B.V.',
    address: { street: 'Teststraat 1', postcode: '1234 AB', city: 'Utrecht', country: 'NL' },
    chamber_of_commerce: '12345678',
    sector: 'other',
    country: 'NL',
    wft_financial_undertaking: false,
    contacts: {
      breach_officer: { name: 'Anna Jansen', email: 'anna@test.example', phone: '030-555 0100' },
      management: { name: 'Bert de Vries', email: 'bert@test.example', phone: '030-555 0101' },
    },
    language: 'nl',
  };
  return merge(base, patch);
}

export const dutchWftOffice = (patch?: DeepPartial<Organisation>) =>
  anOrganisation(merge<DeepPartial<Organisation>>({ id: 'assurantie', name: 'Assurantie B.V.', sector: 'insurance_intermediary', wft_financial_undertaking: true }, patch));

export const belgianOffice = (patch?: DeepPartial<Organisation>) =>
  anOrganisation(
    merge<DeepPartial<Organisation>>(
      { id: 'boekhouding', name: 'Boekhouding BV', country: 'BE', address: { country: 'BE', postcode: '9000', city: 'Gent' }, sector: 'accountancy' },
      patch,
    ),
  );

/**
 * A confidentiality breach by e-mail to a wrong recipient: names and addresses of 3 clients,
 * not malicious, known recipient. Aware 2026-03-27 10:00 CET.
 */
export function anIncident(patch?: DeepPartial<Incident>): Incident {
  const base: Incident = {
    id: '2026-T01',
    organisation: 'testkantoor',
    title: 'Test incident',
    reporter: { name: 'Carla Smit' },
    timeline: { discovered_at: '2026-03-27T09:30:00+01:00', aware_at: '2026-03-27T10:00:00+01:00' },
    what: {
      facts: 'An e-mail with a client list was sent to the wrong recipient.',
      kind: 'email_wrong_recipient',
      nature: ['confidentiality'],
      exposure: 'known_recipients',
      malicious: false,
      exfiltration: 'confirmed',
    },
    personal_data: { involved: true, kinds: ['name', 'contact_details'] },
    data_subjects: { groups: ['customers'], count: 3 },
  };
  return merge(base, patch);
}

/** The same incident with a named person's assessment. */
export function assessed(level: RiskLevel, patch?: DeepPartial<Incident>): Incident {
  return anIncident(
    merge<DeepPartial<Incident>>(
      {
        risk_assessment: {
          level,
          assessed_by: 'Anna Jansen',
          assessed_at: '2026-03-27T12:00:00+01:00',
          rationale: 'Assessed with the DPO.',
        },
      },
      patch,
    ),
  );
}
