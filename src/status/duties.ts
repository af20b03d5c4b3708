/**
 * Open duties of open incidents (pure): what `datalek status` lists, most urgent first.
 * An incident is open until timeline.closed_at is set.
 */
import { CHECKLIST_STEPS, type ChecklistStep, type Incident } from '../model/incident.js';
import type { Outcome } from '../model/outcome.js';

export type DutyKind = 'notify_authority' | 'inform_data_subjects' | 'assess_risk' | 'checklist';
export type Urgency = 'overdue' | 'due_within_24h' | 'open';

export interface Duty {
  incidentId: string;
  organisation: string;
  file: string;
  kind: DutyKind;
  /** The checklist step concerned, for kind "checklist". */
  step?: ChecklistStep;
  /** Readable, e.g. "notify the AP". */
  what: string;
  /** A hard deadline (ISO instant), where the law sets one. */
  deadline: string | null;
  /** Hours from now to the deadline; negative when overdue. */
  hoursLeft: number | null;
  urgency: Urgency;
}

export interface StatusInput {
  file: string;
  incident: Incident;
  outcome: Outcome;
}

const HOUR = 3_600_000;

const STEP_LABEL: Record<ChecklistStep, string> = {
  identify_and_contain: 'identify and contain the incident',
  assess_risk: 'assess the risk',
  notify_authority: 'notify the authority',
  inform_data_subjects: 'inform the people affected',
  improve: 'improve and prevent recurrence',
  document: 'document everything',
  legal_advice: 'take legal advice where unsure',
};

export function isOpen(incident: Incident): boolean {
  return !incident.timeline.closed_at;
}

export function dutiesOf({ file, incident, outcome }: StatusInput, now: Date): Duty[] {
  if (!isOpen(incident)) return [];
  const base = { incidentId: incident.id, organisation: incident.organisation, file };
  const duties: Duty[] = [];
  const owner = (step: ChecklistStep): string => {
    const name = incident.checklist?.[step]?.owner;
    return name ? ` (${name})` : '';
  };
  const notifyPending = outcome.notifyAuthority && outcome.authority.notifiedAt === null;
  const informPending = outcome.notifyDataSubjects && !incident.communication?.informed_at;
  const assessPending = outcome.risk.source === 'suggested';
  if (notifyPending) {
    const hoursLeft = (Date.parse(outcome.authority.deadline) - now.getTime()) / HOUR;
    duties.push({
      ...base,
      kind: 'notify_authority',
      what: `notify the ${outcome.authority.code}${hoursLeft < 0 ? ' and give the reasons for the delay' : ''}${owner('notify_authority')}`,
      deadline: outcome.authority.deadline,
      hoursLeft,
      urgency: hoursLeft < 0 ? 'overdue' : hoursLeft <= 24 ? 'due_within_24h' : 'open',
    });
  }
  if (informPending) {
    duties.push({ ...base, kind: 'inform_data_subjects', what: `inform the people affected without undue delay${owner('inform_data_subjects')}`, deadline: null, hoursLeft: null, urgency: 'open' });
  }
  if (assessPending) {
    duties.push({ ...base, kind: 'assess_risk', what: `have a named person assess the risk (suggestion: ${outcome.risk.suggested.level})${owner('assess_risk')}`, deadline: null, hoursLeft: null, urgency: 'open' });
  }
  // The remaining checklist steps; steps already listed as a duty above are not repeated.
  for (const step of CHECKLIST_STEPS) {
    if (incident.checklist?.[step]?.done_at) continue;
    if (step === 'notify_authority' && (!outcome.notifyAuthority || notifyPending)) continue;
    if (step === 'inform_data_subjects' && (!outcome.notifyDataSubjects || informPending)) continue;
    if (step === 'assess_risk' && assessPending) continue;
    duties.push({ ...base, kind: 'checklist', step, what: `checklist: ${STEP_LABEL[step]}${owner(step)}`, deadline: null, hoursLeft: null, urgency: 'open' });
  }
  return duties;
}

const RANK: Record<Urgency, number> = { overdue: 0, due_within_24h: 1, open: 2 };

export function openDuties(items: StatusInput[], now: Date): Duty[] {
  return items
    .flatMap((i) => dutiesOf(i, now))
    .sort(
      (a, b) =>
        RANK[a.urgency] - RANK[b.urgency] ||
        (a.hoursLeft ?? Infinity) - (b.hoursLeft ?? Infinity) ||
        a.incidentId.localeCompare(b.incidentId),
    );
}
