/**
 * Triage of one incident: the decision path, the risk (assessed or suggested), the deadline and
 * the duties, as the Outcome of `datalek triage --json`. Pure: the policy and `now` are passed in.
 */
import type { Incident, RiskLevel } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import type { AuthorityDuty, Outcome, PathStep, Risk } from '../model/outcome.js';
import { authorityFor, authorityWarnings } from './authority.js';
import { isInstant, lateness, parseInstant } from './deadline.js';
import { findBreach, highRiskStep, riskStep } from './decision.js';
import { enisaOverrideWarnings, enisaScore } from './enisa.js';
import { checkExemptions } from './exemptions.js';
import type { RiskPolicy } from './policy.js';
import { suggestRisk } from './suggest.js';

export interface TriageContext {
  /** The incident's file, as shown to users. */
  file: string;
  /** The moment of the triage (for lateness of a notification not yet made). */
  now: Date;
  policy: RiskPolicy;
}

export function triage(incident: Incident, organisation: Organisation, ctx: TriageContext): Outcome {
  const { policy, now } = ctx;
  const warnings: string[] = [...authorityWarnings(organisation), ...enisaOverrideWarnings(incident)];

  const enisa = enisaScore(incident, organisation, policy);
  const suggested = suggestRisk(incident, organisation, policy, enisa);
  const finding = findBreach(incident);
  const breach = finding.breach;

  const ra = incident.risk_assessment;
  const level: RiskLevel = ra?.level ?? suggested.level;
  const risk: Risk = ra
    ? { level, source: 'assessed', suggested, assessedBy: ra.assessed_by, assessedAt: ra.assessed_at }
    : { level, source: 'suggested', suggested };

  if (breach && !ra) {
    warnings.push(
      `No named person has assessed the risk yet (risk_assessment is missing): the level "${level}" is the tool's suggestion ` +
        `under policy ${policy.id} ${policy.version}. The breach officer must assess it and record the reasoning.`,
    );
  }
  if (ra && ra.level !== suggested.level) {
    warnings.push(
      `${ra.assessed_by} assessed the risk as "${ra.level}", but the tool suggests "${suggested.level}" ` +
        `(policy ${policy.id} ${policy.version}): check that risk_assessment.rationale explains the difference.`,
    );
  }
  if (!breach && ra && ra.level !== 'none') {
    warnings.push(
      `The risk was assessed as "${ra.level}", but the decision tree finds no personal data breach ` +
        `(${finding.personalData ? 'an encryption exception applies or nothing was lost' : 'no personal data involved'}): no notification duties follow.`,
    );
  }

  const notifyAuthority = breach && level !== 'none';
  const path: PathStep[] = [...finding.path];
  const auth = authorityFor(organisation);
  if (breach) {
    path.push(riskStep(risk, auth.name));
    if (notifyAuthority) path.push(highRiskStep(level));
  }

  const exemptions = checkExemptions(incident, organisation, breach ? level : 'none');
  path.push(...exemptions.path);
  warnings.push(...exemptions.warnings);
  const notifyDataSubjects = breach && level === 'high' && exemptions.exemption === null;

  const authority = authorityDuty(incident, auth, notifyAuthority, now, warnings);
  if (breach && !notifyAuthority && !incident.authority?.not_notified_reason?.trim()) {
    warnings.push(
      'The authority is not notified, but authority.not_notified_reason is empty: the register must record why not (AVG art. 33(5)).',
    );
  }

  return {
    id: incident.id,
    organisation: incident.organisation,
    file: ctx.file,
    personalData: finding.personalData,
    breach,
    register: true,
    risk,
    notifyAuthority,
    authority,
    notifyDataSubjects,
    dataSubjectsExemption: breach && level === 'high' ? exemptions.exemption : null,
    path,
    warnings,
  };
}

function authorityDuty(
  incident: Incident,
  auth: { code: AuthorityDuty['code']; name: string },
  due: boolean,
  now: Date,
  warnings: string[],
): AuthorityDuty {
  const awareAt = incident.timeline.aware_at;
  let notifiedAt = incident.authority?.notified_at;
  if (notifiedAt !== undefined && !isInstant(notifiedAt)) {
    warnings.push(`authority.notified_at is not an instant with a UTC offset (${JSON.stringify(notifiedAt)}); it is ignored.`);
    notifiedAt = undefined;
  }
  if (!isInstant(awareAt)) {
    warnings.push(
      `timeline.aware_at is not an instant with a UTC offset (${JSON.stringify(awareAt)}): the 72-hour deadline cannot be computed.`,
    );
    return { code: auth.code, name: auth.name, deadline: '', notifiedAt: notifiedAt ?? null, late: false, lateReasonRequired: false, hoursUsed: null };
  }
  const l = lateness({ awareAt, notifiedAt, now, notificationDue: due });
  if (l.notifiedAt !== null && parseInstant(l.notifiedAt) < parseInstant(awareAt)) {
    warnings.push('authority.notified_at is before timeline.aware_at; check both instants.');
  }
  if (l.lateReasonRequired && !incident.authority?.late_reasons?.trim()) {
    warnings.push(
      l.notifiedAt !== null
        ? `The authority was notified ${l.hoursUsed} hours after awareness, after the deadline of ${l.deadline}: authority.late_reasons must give the reasons for the delay (AVG art. 33(1)).`
        : `The 72-hour deadline passed at ${l.deadline} and the ${auth.name} has not been notified: notify now and give the reasons for the delay (authority.late_reasons).`,
    );
  }
  // Hours used only mean something once notified or while a notification is due.
  return { code: auth.code, name: auth.name, ...l, hoursUsed: l.notifiedAt === null && !due ? null : l.hoursUsed };
}

export { authorityFor, authorityWarnings, AUTHORITY_NAMES, type AuthorityInfo } from './authority.js';
export {
  deadlineFor,
  formatInstant,
  hoursBetween,
  InvalidInstantError,
  isInstant,
  lateness,
  normaliseInstant,
  NOTIFICATION_HOURS,
  parseInstant,
  timeZoneFor,
  toUtcIso,
  type Lateness,
  type LatenessInput,
} from './deadline.js';
export { adequatelyProtected, findBreach, type BreachFinding } from './decision.js';
export { bandFor, enisaOverrideWarnings, enisaScore } from './enisa.js';
export { checkExemptions, type ExemptionFinding } from './exemptions.js';
export {
  parseRiskPolicy,
  RiskPolicyError,
  RAISE_CODES,
  LOWER_CODES,
  type RiskPolicy,
  type RiskPolicyErrorCode,
  type RaiseCode,
  type LowerCode,
} from './policy.js';
export { DEFAULT_POLICY_PATH, loadRiskPolicy } from './policy-file.js';
export { suggestRisk } from './suggest.js';
