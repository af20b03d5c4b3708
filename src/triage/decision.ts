/**
 * The decision tree of DOMAIN.md, steps 1 to 6, as path entries that cite the law and the
 * incident's own facts. Step 1-4 decide whether there is a breach at all; 5 and 6 turn the risk
 * level into duties (exemptions from step 6 are checked in exemptions.ts).
 */
import { INCIDENT_KIND_EN } from '../model/labels-en.js';
import type { Incident, Nature, RiskLevel } from '../model/incident.js';
import type { PathStep, Risk } from '../model/outcome.js';
import { listWords, peopleText } from './facts.js';

export interface BreachFinding {
  personalData: boolean;
  breach: boolean;
  /** The security properties on which it is a breach (empty when it is not). */
  grounds: Nature[];
  path: PathStep[];
}

const words = (s: string) => s.replaceAll('_', ' ');

/** Adequately encrypted (or hashed / otherwise unintelligible): state of the art, key not compromised. */
export function adequatelyProtected(incident: Incident): boolean {
  const p = incident.protection;
  return p !== undefined && p.measure !== 'none' && p.state_of_the_art === true && p.key_compromised !== true;
}

function protectionText(incident: Incident): string {
  const p = incident.protection;
  if (!p || p.measure === 'none') return 'the data were not encrypted';
  const how = p.measure === 'otherwise_unintelligible' ? 'made unintelligible' : p.measure;
  if (p.key_compromised === true) return `the data were ${how}, but the key or password was compromised`;
  if (p.state_of_the_art !== true) return `the data were ${how}, but not shown to be state of the art`;
  return `the data were ${how} to the state of the art and the key is safe`;
}

function dataText(incident: Incident): string {
  const pd = incident.personal_data;
  const parts = [...(pd.kinds ?? []).map(words)];
  if (pd.special_categories?.length) parts.push(`special categories (${listWords(pd.special_categories.map(words))})`);
  if (pd.credentials) parts.push(`credentials to ${pd.credentials.opens}`);
  const ds = incident.data_subjects;
  const people = ds?.count ?? ds?.count_max ?? ds?.count_min;
  const range =
    ds?.count === undefined && ds?.count_min !== undefined && ds?.count_max !== undefined
      ? `${ds.count_min} to ${ds.count_max} people`
      : peopleText(people);
  return `${parts.length > 0 ? listWords(parts) : 'unspecified personal data'} of ${range}`;
}

/** Steps 1 to 4: personal data? availability/integrity? confidentiality? else register only. */
export function findBreach(incident: Incident): BreachFinding {
  const path: PathStep[] = [];
  const what = incident.what;
  const involved = incident.personal_data.involved;

  path.push({
    step: 1,
    question: 'Are personal data involved (data about identified or identifiable living people)?',
    answer: involved ? 'yes' : 'no',
    reason: involved
      ? `The incident involves ${dataText(incident)}.`
      : 'The incident records that no personal data are involved; it is logged as a security incident only, with nothing to notify.',
    basis: 'AVG art. 4(1)',
  });
  if (!involved) return { personalData: false, breach: false, grounds: [], path };

  const nature = new Set(what.nature);
  const encrypted = adequatelyProtected(incident);
  const backup = incident.protection?.backup;
  const copy = backup?.available === true;

  // Step 2: availability or integrity.
  const lostAI: Nature[] = (['availability', 'integrity'] as const).filter((n) => nature.has(n));
  if (lostAI.length === 0) {
    path.push({
      step: 2,
      question: 'Were personal data destroyed, lost or altered (availability or integrity)?',
      answer: 'no',
      reason: `The incident records only a loss of ${listWords(what.nature)}.`,
      basis: 'AVG art. 4(12)',
    });
  } else {
    const facts: string[] = [];
    if (nature.has('availability')) {
      facts.push(
        `availability was lost${what.availability_loss ? ` (${what.availability_loss})` : ''}${
          copy ? `; a backup is available${backup?.restore_hours !== undefined ? ` and was restored in ${backup.restore_hours} h` : ''}` : '; no backup is available'
        }`,
      );
    }
    if (nature.has('integrity')) {
      facts.push(
        `data were altered${what.integrity_recoverable === true ? ' (recoverable)' : what.integrity_recoverable === false ? ' (not recoverable)' : ''}`,
      );
    }
    if (encrypted && copy) {
      path.push({
        step: 2,
        question: 'Were personal data destroyed, lost or altered (availability or integrity)?',
        answer: 'exception',
        reason: `In this incident (${INCIDENT_KIND_EN[what.kind]}) ${listWords(facts)}. Exception: ${protectionText(incident)}, and the office still has an accessible copy, so this is not a breach on this ground.`,
        basis: 'AVG art. 4(12); AVG art. 32(1)(a)',
      });
    } else {
      path.push({
        step: 2,
        question: 'Were personal data destroyed, lost or altered (availability or integrity)?',
        answer: 'yes',
        reason: `In this incident (${INCIDENT_KIND_EN[what.kind]}) ${listWords(facts)}${
          encrypted ? '; the data were adequately encrypted, but there is no accessible copy' : ''
        }. This is a personal data breach; go to step 5.`,
        basis: 'AVG art. 4(12)',
      });
      return { personalData: true, breach: true, grounds: lostAI, path };
    }
  }

  // Step 3: confidentiality.
  if (!nature.has('confidentiality')) {
    path.push({
      step: 3,
      question: 'Were personal data disclosed to, or accessible for, someone not authorised (confidentiality)?',
      answer: 'no',
      reason: 'The incident records no loss of confidentiality.',
      basis: 'AVG art. 4(12)',
    });
  } else {
    const who = what.exposure ? words(what.exposure) : 'exposure not recorded';
    const facts = `${who}; exfiltration ${words(what.exfiltration)}${what.malicious ? '; malicious intent' : ''}`;
    if (encrypted) {
      path.push({
        step: 3,
        question: 'Were personal data disclosed to, or accessible for, someone not authorised (confidentiality)?',
        answer: 'exception',
        reason: `In this incident (${INCIDENT_KIND_EN[what.kind]}; ${facts}) only protected data were exposed: ${protectionText(incident)}. Not a breach on this ground.`,
        basis: 'AVG art. 4(12); AVG art. 32(1)(a)',
      });
    } else {
      path.push({
        step: 3,
        question: 'Were personal data disclosed to, or accessible for, someone not authorised (confidentiality)?',
        answer: 'yes',
        reason: `In this incident (${INCIDENT_KIND_EN[what.kind]}; ${facts}) ${protectionText(incident)}. This is a personal data breach; go to step 5.`,
        basis: 'AVG art. 4(12)',
      });
      return { personalData: true, breach: true, grounds: ['confidentiality'], path };
    }
  }

  path.push({
    step: 4,
    question: 'No notifiable breach: is the incident documented?',
    answer: 'register only',
    reason: 'None of the grounds makes this a personal data breach; the incident is recorded in the register with this reasoning.',
    basis: 'AVG art. 33(5)',
  });
  return { personalData: true, breach: false, grounds: [], path };
}

function levelText(risk: Risk): string {
  const s = risk.suggested;
  const enisa = `ENISA ${s.enisa.score.toFixed(2)} (${words(s.enisa.band)})`;
  if (risk.source === 'assessed') {
    return `${risk.assessedBy ?? 'The assessor'} assessed the risk as "${risk.level}"${
      risk.assessedAt ? ` on ${risk.assessedAt}` : ''
    }; the tool suggests "${s.level}" (${enisa}, policy ${s.policy.id} ${s.policy.version})`;
  }
  return `No one has assessed the risk yet; the tool suggests "${s.level}" (${enisa}, policy ${s.policy.id} ${s.policy.version})`;
}

/** Step 5: risk to people? Notify the authority. */
export function riskStep(risk: Risk, authorityName: string): PathStep {
  const yes = risk.level !== 'none';
  const top = risk.suggested.factorDetails.filter((d) => d.effect !== 'info').map((d) => d.reason);
  return {
    step: 5,
    question: 'Is the breach likely to result in a risk to the rights and freedoms of people?',
    answer: yes ? 'yes' : 'no',
    reason: `${levelText(risk)}.${top.length > 0 ? ` ${top.join(' ')}` : ''} ${
      yes
        ? `Notify the ${authorityName} without undue delay and within 72 hours of awareness.`
        : 'Register only, with the reasoning why the authority was not notified.'
    }`,
    basis: 'AVG art. 33(1)',
  };
}

/** Step 6: high risk? Inform the people affected (exemptions follow). */
export function highRiskStep(level: RiskLevel): PathStep {
  const yes = level === 'high';
  return {
    step: 6,
    question: 'Is the breach likely to result in a high risk to the rights and freedoms of people?',
    answer: yes ? 'yes' : 'no',
    reason: yes
      ? 'The risk level is "high": the people affected must be informed directly and without undue delay, unless an exemption applies.'
      : `The risk level is "${level}", not high: notifying the authority is enough; informing the people affected is not required.`,
    basis: 'AVG art. 34(1)',
  };
}
