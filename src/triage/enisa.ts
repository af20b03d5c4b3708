/**
 * ENISA (2013) severity of a personal data breach: SE = DPC x EI + CB.
 * Every figure comes with a readable explanation line; the person's overrides in
 * risk_assessment.enisa replace the computed figure and their reason is shown.
 * The tables (kinds to categories, EI rules, CB values, bands) live in the risk policy.
 */
import type { DpcCategory, Incident } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import type { EnisaBand, EnisaScore } from '../model/outcome.js';
import { incidentFacts, listWords, type IncidentFacts } from './facts.js';
import type { RiskPolicy } from './policy.js';

const EI_WORDS: Readonly<Record<number, string>> = { 0.25: 'negligible', 0.5: 'limited', 0.75: 'significant', 1: 'maximum' };

export const FLAG_UNINTELLIGIBLE = 'data_unintelligible';
export function flagManyPeople(threshold: number): string {
  return `more_than_${threshold}_people`;
}

export function bandFor(score: number, policy: RiskPolicy): EnisaBand {
  const b = policy.enisa.bands;
  if (score >= b.very_high) return 'very_high';
  if (score >= b.high) return 'high';
  if (score >= b.medium) return 'medium';
  return 'low';
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function fmt(n: number): string {
  return n.toFixed(2);
}

interface Part {
  value: number;
  lines: string[];
}

/** DPC: the highest category among the data, then the context adjustments, kept within 1..4. */
function dataProcessingContext(incident: Incident, organisation: Organisation, f: IncidentFacts, policy: RiskPolicy): Part {
  const e = policy.enisa;
  const scored: { what: string; category: DpcCategory }[] = [];
  for (const kind of f.kinds) {
    const mapping = e.dataKinds[kind];
    if (mapping === 'credentials') {
      const opens = incident.personal_data.credentials?.opens_category ?? e.credentialsDefault;
      scored.push({ what: `${kind} (credentials: they take the category of what they open)`, category: opens });
    } else {
      scored.push({ what: kind, category: mapping });
    }
  }
  const creds = incident.personal_data.credentials;
  if (creds && ![...f.kinds].some((k) => e.dataKinds[k] === 'credentials')) {
    scored.push({ what: `credentials to ${creds.opens}`, category: creds.opens_category });
  }
  for (const sc of f.special) scored.push({ what: `${sc} (special category)`, category: e.specialCategories });

  const base = scored.length === 0 ? e.categoryScore.simple : Math.max(...scored.map((s) => e.categoryScore[s.category]));
  const top = scored.filter((s) => e.categoryScore[s.category] === base);
  const lines: string[] = [];
  const topCategory = top[0]?.category ?? 'simple';
  lines.push(
    `DPC base ${base} (${topCategory}): highest category among ${scored.length === 0 ? 'no listed data' : listWords(scored.map((s) => `${s.what} = ${s.category}`))}.`,
  );

  let dpc = base;
  const adj = e.adjustments;
  if (f.vulnerable && adj.vulnerable_people.add !== 0) {
    dpc += adj.vulnerable_people.add;
    lines.push(`DPC ${signed(adj.vulnerable_people.add)}: vulnerable people (minors, patients or others) are affected.`);
  }
  const sectorHit = adj.controller_context.sectors.includes(organisation.sector);
  if ((f.professionalSecrecy || sectorHit) && adj.controller_context.add !== 0) {
    dpc += adj.controller_context.add;
    const why = f.professionalSecrecy
      ? 'the office is bound by professional secrecy, so even simple data reveal that someone is its client'
      : `the nature of the office (${organisation.sector}) reveals more than the data themselves`;
    lines.push(`DPC ${signed(adj.controller_context.add)}: ${why}.`);
  }
  const records = incident.personal_data.records;
  if (records !== undefined && f.people !== undefined && f.people > 0 && adj.volume_per_person.add !== 0) {
    const perPerson = records / f.people;
    if (perPerson >= adj.volume_per_person.minRecordsPerPerson) {
      dpc += adj.volume_per_person.add;
      lines.push(
        `DPC ${signed(adj.volume_per_person.add)}: about ${Math.round(perPerson)} records per person (at least ${adj.volume_per_person.minRecordsPerPerson}) give a detailed picture of each person.`,
      );
    }
  }
  const clamped = Math.min(4, Math.max(1, dpc));
  if (clamped !== dpc) lines.push(`DPC kept within 1 to 4: ${dpc} becomes ${clamped}.`);
  return { value: clamped, lines };
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}

/** EI: the highest value among the policy's rules whose kinds are all present. */
function easeOfIdentification(f: IncidentFacts, policy: RiskPolicy): Part {
  let best: { value: number; label: string } | undefined;
  for (const rule of policy.enisa.ei.rules) {
    if (rule.when.every((k) => f.kinds.has(k)) && (best === undefined || rule.value > best.value)) {
      best = { value: rule.value, label: `${rule.label} (${rule.when.join(' + ')})` };
    }
  }
  const value = best?.value ?? policy.enisa.ei.fallback;
  const label = best?.label ?? 'no direct identifiers among the data';
  return { value, lines: [`EI ${value} (${EI_WORDS[value] ?? 'custom'}): ${label}.`] };
}

/** CB: confidentiality + integrity + availability + malicious intent. */
function circumstances(incident: Incident, f: IncidentFacts, policy: RiskPolicy): Part {
  const cb = policy.enisa.cb;
  const what = incident.what;
  const lines: string[] = [];
  let total = 0;

  if (f.confidentialityLost) {
    let v: number;
    let why: string;
    if (what.exposure !== undefined) {
      v = cb.confidentiality[what.exposure];
      why = `exposure "${what.exposure.replaceAll('_', ' ')}"`;
    } else if (f.inUnknownHands) {
      v = cb.confidentiality.unspecifiedExfiltrated;
      why = 'exposure not given, but the data were taken (exfiltration or theft)';
    } else {
      v = cb.confidentiality.unspecified;
      why = 'exposure not given';
    }
    total += v;
    lines.push(`CB confidentiality ${fmt(v)}: ${why}.`);
  }
  if (f.integrityLost) {
    const r = what.integrity_recoverable;
    const v = r === true ? cb.integrity.recoverable : r === false ? cb.integrity.unrecoverable : cb.integrity.unspecified;
    total += v;
    lines.push(
      `CB integrity ${fmt(v)}: ${r === true ? 'altered data can be recovered' : r === false ? 'altered data cannot be recovered' : 'recoverability not given'}.`,
    );
  }
  if (f.availabilityLost) {
    let v: number;
    let why: string;
    const hours = incident.protection?.backup?.restore_hours;
    if (f.restoredQuickly) {
      v = cb.availability.restoredQuickly;
      why = `restored from a backup ${hours === undefined ? '(no restore time given)' : `in ${hours} h`}, within ${policy.parameters.restoredQuicklyHours} h`;
    } else if (what.availability_loss === 'permanent' && !f.backupAvailable) {
      v = cb.availability.permanent;
      why = 'lost for good, no backup';
    } else {
      v = cb.availability.temporary;
      why = hours !== undefined ? `unavailable for ${hours} h` : 'temporarily unavailable';
    }
    total += v;
    lines.push(`CB availability ${fmt(v)}: ${why}.`);
  }
  if (what.malicious) {
    total += cb.malicious;
    lines.push(`CB malicious intent +${fmt(cb.malicious)}.`);
  }
  if (lines.length === 0) lines.push('CB 0.00: no loss of confidentiality, integrity or availability recorded and no malicious intent.');
  return { value: round2(total), lines };
}

/** ENISA severity of the incident, with the person's overrides applied. */
export function enisaScore(incident: Incident, organisation: Organisation, policy: RiskPolicy): EnisaScore {
  const f = incidentFacts(incident, organisation, policy);
  if (!f.involved) {
    return {
      dpc: 1,
      ei: 0.25,
      cb: 0,
      score: 0.25,
      band: 'low',
      flags: [],
      explanation: ['No personal data involved: the ENISA severity does not apply (lowest figures shown).'],
    };
  }
  const dpcPart = dataProcessingContext(incident, organisation, f, policy);
  const eiPart = easeOfIdentification(f, policy);
  const cbPart = circumstances(incident, f, policy);
  const explanation = [...dpcPart.lines, ...eiPart.lines, ...cbPart.lines];

  let dpc = dpcPart.value;
  let ei = eiPart.value;
  let cb = cbPart.value;
  const ra = incident.risk_assessment;
  const overrides = ra?.enisa;
  const who = ra?.assessed_by ?? 'the assessor';
  if (overrides?.dpc) {
    explanation.push(`DPC set to ${overrides.dpc.value} by ${who} (computed ${dpc}): ${overrides.dpc.reason}`);
    dpc = overrides.dpc.value;
  }
  if (overrides?.ei) {
    explanation.push(`EI set to ${overrides.ei.value} by ${who} (computed ${ei}): ${overrides.ei.reason}`);
    ei = overrides.ei.value;
  }
  if (overrides?.cb) {
    explanation.push(`CB set to ${fmt(overrides.cb.value)} by ${who} (computed ${fmt(cb)}): ${overrides.cb.reason}`);
    cb = overrides.cb.value;
  }

  const score = round2(dpc * ei + cb);
  const band = bandFor(score, policy);
  explanation.push(`SE = DPC x EI + CB = ${dpc} x ${ei} + ${fmt(cb)} = ${fmt(score)}: ${band.replace('_', ' ')}.`);

  const flags: string[] = [];
  const threshold = policy.parameters.moreThanPeople;
  if (f.people !== undefined && f.people > threshold) {
    flags.push(flagManyPeople(threshold));
    explanation.push(`Flag: more than ${threshold} people (${f.people}).`);
  }
  if (f.unintelligible) {
    flags.push(FLAG_UNINTELLIGIBLE);
    explanation.push(
      `Flag: data unintelligible (${incident.protection?.measure}, state of the art, key not compromised).`,
    );
  }
  return { dpc, ei, cb, score, band, flags, explanation };
}

/** Problems with the person's ENISA overrides (values outside the method's ranges). */
export function enisaOverrideWarnings(incident: Incident): string[] {
  const o = incident.risk_assessment?.enisa;
  if (!o) return [];
  const out: string[] = [];
  if (o.dpc && (o.dpc.value < 1 || o.dpc.value > 4)) {
    out.push(`risk_assessment.enisa.dpc is ${o.dpc.value}; ENISA's DPC runs from 1 to 4.`);
  }
  if (o.ei && ![0.25, 0.5, 0.75, 1].includes(o.ei.value)) {
    out.push(`risk_assessment.enisa.ei is ${o.ei.value}; ENISA's EI is 0.25, 0.5, 0.75 or 1.`);
  }
  if (o.cb && (o.cb.value < 0 || o.cb.value > 2)) {
    out.push(`risk_assessment.enisa.cb is ${o.cb.value}; ENISA's CB adds up to between 0 and 2.`);
  }
  return out;
}
