/** fast-check arbitraries for valid-shaped incidents and organisations. */
import fc from 'fast-check';
import {
  CHANNELS,
  DATA_CONSEQUENCES,
  DATA_KINDS,
  DPC_CATEGORIES,
  EXEMPTIONS,
  EXFILTRATION,
  EXPOSURES,
  INCIDENT_KINDS,
  NATURES,
  PEOPLE_CONSEQUENCES,
  PROTECTIONS,
  RISK_LEVELS,
  SEVERITIES,
  SPECIAL_CATEGORIES,
  SUBJECT_GROUPS,
  type Incident,
} from '../../src/model/incident.js';
import { AUTHORITY_CODES, SECTORS, type Organisation } from '../../src/model/organisation.js';

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** Format epoch ms as local wall-clock time at a fixed UTC offset (minutes), e.g. 2026-03-29T01:30:00+01:00. */
export function isoWithOffset(ms: number, offsetMinutes: number, withMillis = false): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  const frac = withMillis ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}${off}`
  );
}

/** Offsets that exist in the world: -12:00 .. +14:00 in quarter hours. */
export const offsetArb = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);

/** Epoch ms between 1990 and 2090, whole seconds (or with milliseconds when asked). */
export const msArb = (withMillis = false) =>
  fc
    .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) })
    .map((ms) => (withMillis ? ms : ms - (ms % 1000)));

export const instantArb = fc.tuple(msArb(), offsetArb).map(([ms, off]) => isoWithOffset(ms, off));

const text = fc.string({ minLength: 1, maxLength: 30 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const subset = <T>(xs: readonly T[], min = 0) => fc.uniqueArray(fc.constantFrom(...xs), { minLength: min, maxLength: xs.length });

/** Drop keys whose value is undefined, as YAML loading would. */
function clean<T>(o: T): T {
  if (Array.isArray(o)) return o.map(clean) as T;
  if (typeof o !== 'object' || o === null) return o;
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clean(v)])) as T;
}

export const incidentArb: fc.Arbitrary<Incident> = fc
  .record({
    id: text,
    title: text,
    aware: fc.tuple(msArb(), offsetArb),
    discoveredBefore: fc.integer({ min: 0, max: 72 * 3600 }),
    notifiedAfter: opt(fc.integer({ min: -3600, max: 10 * 24 * 3600 })),
    notifiedOffset: offsetArb,
    kind: fc.constantFrom(...INCIDENT_KINDS),
    nature: subset(NATURES, 1),
    availability_loss: opt(fc.constantFrom('temporary', 'permanent') as fc.Arbitrary<'temporary' | 'permanent'>),
    integrity_recoverable: opt(fc.boolean()),
    exposure: opt(fc.constantFrom(...EXPOSURES)),
    malicious: fc.boolean(),
    exfiltration: fc.constantFrom(...EXFILTRATION),
    involved: fc.boolean(),
    kinds: opt(subset(DATA_KINDS)),
    special: opt(subset(SPECIAL_CATEGORIES)),
    credentials: opt(fc.record({ opens: text, opens_category: fc.constantFrom(...DPC_CATEGORIES) })),
    records: opt(fc.nat({ max: 1_000_000 })),
    subjects: opt(
      fc.record({
        groups: opt(subset(SUBJECT_GROUPS)),
        count: opt(fc.nat({ max: 10_000_000 })),
        count_min: opt(fc.nat({ max: 1000 })),
        count_max: opt(fc.nat({ max: 1_000_000 })),
        vulnerable: opt(fc.boolean()),
      }),
    ),
    protection: opt(
      fc.record({
        measure: fc.constantFrom(...PROTECTIONS),
        state_of_the_art: opt(fc.boolean()),
        key_compromised: opt(fc.boolean()),
        backup: opt(
          fc.record({ available: fc.boolean(), restored: opt(fc.boolean()), restore_hours: opt(fc.nat({ max: 2000 })) }),
        ),
      }),
    ),
    containment: opt(
      fc.record({
        recovered: opt(fc.boolean()),
        recipient_trusted: opt(fc.boolean()),
        deleted_by_recipient: opt(fc.boolean()),
        deletion_confirmed_in_writing: opt(fc.boolean()),
        passwords_reset: opt(fc.boolean()),
        remote_wiped: opt(fc.boolean()),
        access_revoked: opt(fc.boolean()),
      }),
    ),
    consequences: opt(
      fc.record({
        for_data: opt(subset(DATA_CONSEQUENCES)),
        for_people: opt(subset(PEOPLE_CONSEQUENCES)),
        severity: opt(fc.constantFrom(...SEVERITIES)),
      }),
    ),
    measuresTaken: opt(fc.array(text, { maxLength: 3 })),
    assessment: opt(
      fc.record({
        level: fc.constantFrom(...RISK_LEVELS),
        enisa: opt(
          fc.record({
            dpc: opt(fc.record({ value: fc.integer({ min: 1, max: 4 }), reason: text })),
            ei: opt(fc.record({ value: fc.constantFrom(0.25, 0.5, 0.75, 1), reason: text })),
            cb: opt(fc.record({ value: fc.constantFrom(0, 0.25, 0.5, 0.75, 1, 1.25, 1.5), reason: text })),
          }),
        ),
      }),
    ),
    lateReasons: opt(text),
    notNotifiedReason: opt(text),
    exemption: opt(
      fc.record({ ground: fc.constantFrom(...EXEMPTIONS), grounds: text, public_communication: opt(text) }),
    ),
    channels: opt(subset(CHANNELS)),
    professional_secrecy: opt(fc.boolean()),
  })
  .map((r) => {
    const [awareMs, awareOff] = r.aware;
    const incident: Incident = {
      id: r.id,
      organisation: 'arb',
      title: r.title,
      reporter: { name: 'Reporter' },
      timeline: {
        discovered_at: isoWithOffset(awareMs - r.discoveredBefore * 1000, awareOff),
        aware_at: isoWithOffset(awareMs, awareOff),
      },
      what: {
        facts: 'Generated.',
        kind: r.kind,
        nature: r.nature,
        availability_loss: r.availability_loss,
        integrity_recoverable: r.integrity_recoverable,
        exposure: r.exposure,
        malicious: r.malicious,
        exfiltration: r.exfiltration,
      },
      personal_data: {
        involved: r.involved,
        kinds: r.kinds,
        special_categories: r.special,
        credentials: r.credentials,
        records: r.records,
      },
      data_subjects: r.subjects,
      protection: r.protection,
      containment: r.containment,
      consequences: r.consequences,
      measures: r.measuresTaken ? { taken: r.measuresTaken } : undefined,
      risk_assessment: r.assessment
        ? { level: r.assessment.level, assessed_by: 'Assessor', assessed_at: isoWithOffset(awareMs, awareOff), rationale: 'Because.', enisa: r.assessment.enisa }
        : undefined,
      authority: {
        notified_at: r.notifiedAfter === undefined ? undefined : isoWithOffset(awareMs + r.notifiedAfter * 1000, r.notifiedOffset),
        late_reasons: r.lateReasons,
        not_notified_reason: r.notNotifiedReason,
      },
      communication: r.exemption || r.channels ? { exemption: r.exemption, channels: r.channels } : undefined,
      professional_secrecy: r.professional_secrecy,
    };
    return clean(incident);
  });

export const organisationArb: fc.Arbitrary<Organisation> = fc
  .record({
    country: fc.constantFrom('NL', 'BE') as fc.Arbitrary<'NL' | 'BE'>,
    authority: opt(fc.constantFrom(...AUTHORITY_CODES)),
    sector: fc.constantFrom(...SECTORS),
    wft: fc.boolean(),
    secrecy: opt(fc.boolean()),
  })
  .map((r) =>
    clean<Organisation>({
      id: 'arb',
      name: 'Arbitrary office',
      address: { street: 'Straat 1', postcode: '1000', city: 'Stad', country: r.country },
      chamber_of_commerce: '12345678',
      sector: r.sector,
      country: r.country,
      authority: r.authority,
      wft_financial_undertaking: r.wft,
      professional_secrecy: r.secrecy,
      contacts: {
        breach_officer: { name: 'B', email: 'b@x.example', phone: '1' },
        management: { name: 'M', email: 'm@x.example', phone: '2' },
      },
      language: 'nl',
    }),
  );
