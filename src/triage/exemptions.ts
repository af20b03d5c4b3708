/**
 * Exemptions from informing the people affected (step 6): AVG art. 34(3)(a)-(c), claimed in
 * communication.exemption and checked against the facts, and UAVG art. 42 for Dutch Wft
 * financial undertakings, which applies by law (automatically) and never in Belgium.
 */
import type { DataSubjectExemption, Exemption, Incident, RiskLevel } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import type { PathStep } from '../model/outcome.js';
import { adequatelyProtected } from './decision.js';

export interface ExemptionFinding {
  /** The exemption that applies, or null when the people must be informed (or need not be anyway). */
  exemption: Exemption | null;
  path: PathStep[];
  warnings: string[];
}

const BASIS: Readonly<Record<Exemption, string>> = {
  encryption: 'AVG art. 34(3)(a)',
  subsequent_measures: 'AVG art. 34(3)(b)',
  disproportionate_effort: 'AVG art. 34(3)(c)',
  financial_undertaking: 'UAVG art. 42',
};

const STEP: Readonly<Record<Exemption, string>> = {
  encryption: '6a',
  subsequent_measures: '6b',
  disproportionate_effort: '6c',
  financial_undertaking: '6-uavg42',
};

const QUESTION: Readonly<Record<Exemption, string>> = {
  encryption: 'Exemption: were the data unintelligible to others (state-of-the-art encryption, key not compromised)?',
  subsequent_measures: 'Exemption: do measures taken afterwards make the high risk no longer likely?',
  disproportionate_effort: 'Exemption: would informing everyone directly take disproportionate effort, with a public communication instead?',
  financial_undertaking: 'Exemption: is the office a financial undertaking under the Dutch Wft (UAVG art. 42)?',
};

interface Check {
  ok: boolean;
  reason: string;
}

function checkEncryption(incident: Incident): Check {
  const p = incident.protection;
  if (adequatelyProtected(incident)) {
    return { ok: true, reason: `The data were ${p?.measure} to the state of the art and the key was not compromised.` };
  }
  if (!p || p.measure === 'none') return { ok: false, reason: 'The data were not encrypted.' };
  if (p.key_compromised === true) {
    return { ok: false, reason: `The data were ${p.measure}, but the key or password was compromised, so they are readable.` };
  }
  return { ok: false, reason: `The data were ${p.measure}, but the protection is not recorded as state of the art.` };
}

function checkSubsequentMeasures(incident: Incident, claim: DataSubjectExemption): Check {
  const c = incident.containment;
  const done: string[] = [];
  if (c?.recovered) done.push('the data were recovered');
  if (c?.remote_wiped) done.push('the device was wiped remotely');
  if (c?.deleted_by_recipient) done.push('the recipient deleted the data');
  if (c?.passwords_reset) done.push('passwords were reset');
  if (c?.access_revoked) done.push('access was revoked');
  const taken = incident.measures?.taken ?? [];
  if (done.length === 0 && taken.length === 0) {
    return { ok: false, reason: 'No containment or measures taken are recorded that could remove the high risk.' };
  }
  return {
    ok: true,
    reason: `Measures taken: ${[...done, ...taken].join('; ')}. The office's grounds: ${claim.grounds}`,
  };
}

function checkDisproportionateEffort(claim: DataSubjectExemption): Check {
  const pc = claim.public_communication?.trim();
  if (!pc) {
    return {
      ok: false,
      reason: 'Disproportionate effort only exempts with a public communication or an equally effective measure, and none is recorded (communication.exemption.public_communication).',
    };
  }
  return { ok: true, reason: `Public communication instead: ${pc}. The office's grounds: ${claim.grounds}` };
}

/** Step 6 exemptions for a breach at the given level. */
export function checkExemptions(incident: Incident, organisation: Organisation, level: RiskLevel): ExemptionFinding {
  const claim = incident.communication?.exemption;
  const warnings: string[] = [];
  const path: PathStep[] = [];
  const wftFlag = organisation.wft_financial_undertaking;
  const dutch = organisation.country === 'NL';

  if (wftFlag && !dutch) {
    warnings.push(
      `Organisation ${organisation.id} is marked as a Wft financial undertaking, but it is in ${organisation.country}: ` +
        'UAVG art. 42 is Dutch law and does not apply, so AVG art. 34 applies in full.',
    );
  }

  if (level !== 'high') {
    if (claim) {
      warnings.push(
        `communication.exemption claims "${claim.ground}", but the risk level is "${level}", not high: ` +
          'AVG art. 34 does not require informing the people affected, so the claim has no effect.',
      );
    }
    return { exemption: null, path, warnings };
  }

  // UAVG art. 42: applies by law to Dutch Wft financial undertakings, claimed or not.
  if (wftFlag && dutch) {
    const other = claim && claim.ground !== 'financial_undertaking' ? ` The claimed "${claim.ground}" ground need not be checked.` : '';
    path.push({
      step: STEP.financial_undertaking,
      question: QUESTION.financial_undertaking,
      answer: 'yes',
      reason:
        `${organisation.name} is a financial undertaking under the Wft (${organisation.sector.replaceAll('_', ' ')}): ` +
        `UAVG art. 42 switches off AVG art. 34, ${claim?.ground === 'financial_undertaking' ? 'as claimed' : 'automatically, without a claim'}. ` +
        `The office still notifies the authority and keeps the register.${other}`,
      basis: BASIS.financial_undertaking,
    });
    return { exemption: 'financial_undertaking', path, warnings };
  }

  if (!claim) {
    path.push({
      step: '6-exemptions',
      question: 'Does an exemption from informing the people affected apply?',
      answer: 'no',
      reason: 'No exemption is claimed (communication.exemption) and UAVG art. 42 does not apply to this office.',
      basis: 'AVG art. 34(3); UAVG art. 42',
    });
    return { exemption: null, path, warnings };
  }

  let check: Check;
  switch (claim.ground) {
    case 'financial_undertaking':
      check = {
        ok: false,
        reason: dutch
          ? `${organisation.name} is not a financial undertaking under the Wft, so UAVG art. 42 does not apply.`
          : `${organisation.name} is in Belgium; UAVG art. 42 is Dutch law and never applies there.`,
      };
      break;
    case 'encryption':
      check = checkEncryption(incident);
      break;
    case 'subsequent_measures':
      check = checkSubsequentMeasures(incident, claim);
      break;
    case 'disproportionate_effort':
      check = checkDisproportionateEffort(claim);
      break;
  }

  path.push({
    step: STEP[claim.ground],
    question: QUESTION[claim.ground],
    answer: check.ok ? 'yes' : 'no',
    reason: check.ok ? `Claimed and accepted. ${check.reason}` : `Claimed but refused. ${check.reason}`,
    basis: BASIS[claim.ground],
  });
  if (!check.ok) {
    warnings.push(
      `The claimed exemption "${claim.ground}" (${BASIS[claim.ground]}) is refused: ${check.reason} The people affected must be informed.`,
    );
    return { exemption: null, path, warnings };
  }
  return { exemption: claim.ground, path, warnings };
}
