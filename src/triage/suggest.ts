/**
 * The suggested risk level (none / risk / high): the ENISA band mapped by the policy, then the
 * regulators' factors that raise it, then the factors that cap it. Every factor that was weighed
 * is returned as a readable reason. "When in doubt, notify": unknown facts never lower the level.
 */
import type { Incident, RiskLevel } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import type { EnisaScore, RiskFactor, RiskSuggestion } from '../model/outcome.js';
import { enisaScore } from './enisa.js';
import { incidentFacts, listWords, type IncidentFacts } from './facts.js';
import { bandAtLeast, LEVEL_RANK, maxLevel, minLevel } from './levels.js';
import { LOWER_CODES, RAISE_CODES, type LowerCode, type RaiseCode, type RiskPolicy } from './policy.js';

type Detector = (ctx: Ctx) => string | undefined;

interface Ctx {
  incident: Incident;
  f: IncidentFacts;
  enisa: EnisaScore;
  policy: RiskPolicy;
}

const words = (s: string) => s.replaceAll('_', ' ');

/** Each raising factor: returns its reason when it is present. */
const RAISE: Record<RaiseCode, Detector> = {
  special_categories: ({ f }) =>
    f.special.length > 0
      ? `Special categories of personal data are involved (${listWords(f.special.map(words))}); damage is likely.`
      : undefined,
  criminal_data: ({ f }) => (f.kinds.has('criminal') ? 'Criminal-law data are involved; damage is likely.' : undefined),
  identity_data: ({ f, policy }) => {
    const hit = policy.parameters.identityKinds.filter((k) => f.kinds.has(k));
    return hit.length > 0
      ? `Identity data are involved (${listWords(hit.map(words))}); they enable identity fraud.`
      : undefined;
  },
  credentials: ({ f, policy, incident }) => {
    const creds = incident.personal_data.credentials;
    const hit = policy.parameters.credentialKinds.some((k) => f.kinds.has(k));
    if (!hit && !creds) return undefined;
    return `Log-in or identification data are involved${creds ? ` (they open ${creds.opens})` : ''}; they give access to more.`;
  },
  financial_data: ({ f, policy }) => {
    const hit = policy.parameters.financialKinds.filter((k) => f.kinds.has(k));
    return hit.length > 0 ? `Financial or debt data are involved (${listWords(hit.map(words))}).` : undefined;
  },
  vulnerable_people: ({ f }) =>
    f.vulnerable ? 'Vulnerable people (such as minors or patients) are among those affected.' : undefined,
  many_people: ({ f, policy }) =>
    f.people !== undefined && f.people > policy.parameters.moreThanPeople
      ? `${f.people} people are affected, more than ${policy.parameters.moreThanPeople}.`
      : undefined,
  professional_secrecy: ({ f }) =>
    f.professionalSecrecy && f.disclosed
      ? 'The data are held under professional secrecy and may have been seen by others.'
      : undefined,
  published: ({ f, incident }) =>
    f.disclosed && incident.what.exposure === 'published' ? 'The data were published.' : undefined,
  exfiltration: ({ f, incident }) => {
    if (!f.disclosed) return undefined;
    // A mistaken send to known recipients is weighed by its exposure, not as exfiltration.
    if (incident.what.exfiltration === 'confirmed' && (incident.what.malicious || incident.what.exposure !== 'known_recipients')) {
      return 'The data were taken out of the office (exfiltration confirmed).';
    }
    if (incident.what.exfiltration === 'unknown' && incident.what.malicious) {
      return 'An attacker was involved and exfiltration cannot be ruled out.';
    }
    return undefined;
  },
  malicious_actor_has_data: ({ f, incident }) =>
    incident.what.malicious && f.inUnknownHands
      ? 'Readable data may be in the hands of someone acting with malicious intent, with no control over further use.'
      : undefined,
  availability_not_restored: ({ f, policy, incident }) => {
    if (!f.availabilityLost || f.restoredQuickly) return undefined;
    const hours = incident.protection?.backup?.restore_hours;
    return f.backupAvailable && hours !== undefined
      ? `The data were unavailable for ${hours} h, longer than ${policy.parameters.restoredQuicklyHours} h.`
      : 'The data were lost or unavailable and not restored quickly from a backup.';
  },
  care_critical_unavailability: (ctx) => {
    const { f, policy } = ctx;
    if (RAISE.availability_not_restored(ctx) === undefined) return undefined;
    const p = policy.parameters;
    const care =
      f.special.some((s) => p.careCriticalSpecialCategories.includes(s)) || f.groups.some((g) => p.careCriticalGroups.includes(g));
    return care ? 'Health data of patients were unavailable for a long time, which can harm care.' : undefined;
  },
  permanent_loss: ({ f, incident }) => {
    if (f.availabilityLost && incident.what.availability_loss === 'permanent' && !f.backupAvailable) {
      return 'The data were lost for good (no backup): the consequences are permanent.';
    }
    if (f.integrityLost && incident.what.integrity_recoverable === false) {
      return 'Altered data cannot be recovered: the consequences are permanent.';
    }
    return undefined;
  },
  misuse: ({ incident }) =>
    incident.consequences?.for_data?.includes('misuse') ? 'The data have already been misused.' : undefined,
  severity_significant: ({ incident }) =>
    incident.consequences?.severity === 'significant' ? 'The office estimates the consequences as significant.' : undefined,
  severity_very_large: ({ incident }) =>
    incident.consequences?.severity === 'very_large' ? 'The office estimates the consequences as very large.' : undefined,
  unknown_data: ({ f }) =>
    f.kinds.has('unknown') ? 'It is not known which personal data were involved (when in doubt, notify).' : undefined,
};

/** Each capping factor: returns its reason when it is present. */
const LOWER: Record<LowerCode, Detector> = {
  unintelligible: ({ f, incident }) =>
    f.unintelligible
      ? `The data were ${incident.protection?.measure === 'hashed' ? 'hashed' : 'protected'} to the state of the art and the key was not compromised: they are unintelligible to others.`
      : undefined,
  trusted_recipient_deleted: ({ f, incident }) => {
    const c = incident.containment;
    return f.confidentialityLost &&
      !incident.what.malicious &&
      c?.recipient_trusted === true &&
      c.deleted_by_recipient === true &&
      c.deletion_confirmed_in_writing === true
      ? 'The recipient is trusted and confirmed in writing that the data were deleted or returned.'
      : undefined;
  },
  small_accidental_disclosure: ({ f, incident, policy }) =>
    f.confidentialityLost &&
    !incident.what.malicious &&
    incident.what.exposure === 'known_recipients' &&
    f.people !== undefined &&
    f.people <= policy.parameters.smallDisclosureMaxPeople
      ? `An accidental disclosure to known recipients, affecting ${f.people} ${f.people === 1 ? 'person' : 'people'} (at most ${policy.parameters.smallDisclosureMaxPeople}).`
      : undefined,
  restored_quickly: ({ f }) =>
    f.availabilityLost && f.restoredQuickly && !f.disclosed && !f.integrityLost
      ? 'The data were restored quickly from a backup and nothing readable was disclosed.'
      : undefined,
  no_disclosure: ({ f }) =>
    !f.disclosed ? 'No readable data were disclosed to anyone (confidentiality kept or unintelligible).' : undefined,
};

/** Suggest a risk level for the incident under the policy. */
export function suggestRisk(
  incident: Incident,
  organisation: Organisation,
  policy: RiskPolicy,
  enisa: EnisaScore = enisaScore(incident, organisation, policy),
): RiskSuggestion {
  const f = incidentFacts(incident, organisation, policy);
  const policyRef = { id: policy.id, version: policy.version };
  const details: RiskFactor[] = [];

  if (!f.involved) {
    details.push({ code: 'no_personal_data', effect: 'info', reason: 'No personal data are involved: no risk to people.' });
    return { level: 'none', enisa, factors: details.map((d) => d.reason), factorDetails: details, policy: policyRef };
  }

  const base = policy.bandLevel[enisa.band];
  details.push({
    code: 'enisa_band',
    effect: 'info',
    reason: `ENISA severity ${enisa.score.toFixed(2)} (${words(enisa.band)}) suggests "${base}" under the policy.`,
  });

  const ctx: Ctx = { incident, f, enisa, policy };
  const raised = new Map<RaiseCode, RiskLevel>();
  let level: RiskLevel = base;
  for (const code of RAISE_CODES) {
    const rule = policy.raise[code];
    if (!rule.enabled) continue;
    const reason = RAISE[code](ctx);
    if (reason === undefined) continue;
    if (rule.minBand !== undefined && !bandAtLeast(enisa.band, rule.minBand)) {
      details.push({
        code,
        effect: 'info',
        reason: `${reason} Not weighed: the policy applies this only from ENISA band ${words(rule.minBand)}.`,
      });
      continue;
    }
    raised.set(code, rule.level);
    details.push({ code, effect: 'up', reason: `${reason} At least "${rule.level}".` });
    level = maxLevel(level, rule.level);
  }

  for (const code of LOWER_CODES) {
    const rule = policy.lower[code];
    if (!rule.enabled) continue;
    const reason = LOWER[code](ctx);
    if (reason === undefined) continue;
    const kept = rule.yieldsTo.filter((c) => raised.has(c));
    const floor = maxLevel(...kept.map((c) => raised.get(c) ?? 'none'));
    // A cap never raises: what it yields to only keeps the level where it already was.
    const after = minLevel(level, maxLevel(minLevel(level, rule.atMost), floor));
    let effect: string;
    if (LEVEL_RANK[after] < LEVEL_RANK[level]) effect = `Lowered from "${level}" to "${after}".`;
    else if (LEVEL_RANK[level] > LEVEL_RANK[rule.atMost]) {
      effect = `At most "${rule.atMost}", but "${after}" stays because of ${listWords(kept.map(words))}.`;
    } else effect = `At most "${rule.atMost}" (no change).`;
    details.push({ code, effect: LEVEL_RANK[after] < LEVEL_RANK[level] ? 'down' : 'info', reason: `${reason} ${effect}` });
    level = after;
  }

  if (f.protectionDefeated) {
    details.push({
      code: 'key_compromised',
      effect: 'info',
      reason: 'The data were encrypted or hashed, but the key or password was compromised: the protection does not count.',
    });
  }
  if (f.confidentialityLost && incident.what.exfiltration === 'ruled_out') {
    details.push({ code: 'exfiltration_ruled_out', effect: 'info', reason: 'Exfiltration of the data was ruled out.' });
  }
  if (f.people === undefined) {
    details.push({
      code: 'people_unknown',
      effect: 'info',
      reason: 'The number of people affected is not known; estimate a minimum and maximum.',
    });
  }
  details.push({
    code: 'result',
    effect: 'info',
    reason: `Suggested level: "${level}" (policy ${policy.id} ${policy.version}). When in doubt, notify.`,
  });

  return { level, enisa, factors: details.map((d) => d.reason), factorDetails: details, policy: policyRef };
}
