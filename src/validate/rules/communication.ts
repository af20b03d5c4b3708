/** Rules about informing the people affected (GDPR art. 34, UAVG art. 42). */
import type { Diagnostic } from '../../model/diagnostic.js';
import { parseInstant } from '../time.js';
import { incidentRule, report, text } from './types.js';

const EX = ['communication', 'exemption'];

export const exemptionGrounds = incidentRule(
  'exemption-grounds',
  'An exemption from informing people must say why it applies; disproportionate effort needs a public communication.',
  (item) => {
    const ex = item.data?.communication?.exemption;
    if (!ex) return [];
    const out: Diagnostic[] = [];
    if (!text(ex.grounds)) out.push(report('DL-RULE-EXEMPTION-WITHOUT-GROUNDS', item, [...EX, 'grounds'], { ground: String(ex.ground) }));
    if (ex.ground === 'disproportionate_effort' && !text(ex.public_communication)) {
      out.push(report('DL-RULE-EFFORT-WITHOUT-PUBLIC-COMMUNICATION', item, [...EX, 'ground']));
    }
    return out;
  },
);

export const encryptionExemptionFounded = incidentRule(
  'encryption-exemption-founded',
  'The encryption exemption needs encrypted or unintelligible data, state of the art, with the key safe.',
  (item) => {
    const inc = item.data;
    if (inc?.communication?.exemption?.ground !== 'encryption') return [];
    const p = inc.protection;
    const reason =
      !p || p.measure === 'none' || p.measure === undefined
        ? 'protection.measure does not say the data were encrypted or otherwise unintelligible'
        : p.key_compromised === true
          ? 'the key or password was compromised (protection.key_compromised)'
          : p.state_of_the_art === false
            ? 'the protection is not state of the art (protection.state_of_the_art)'
            : undefined;
    return reason ? [report('DL-RULE-ENCRYPTION-EXEMPTION-UNFOUNDED', item, [...EX, 'ground'], { reason })] : [];
  },
);

/**
 * High risk means informing people (art. 34), unless an exemption is recorded. Informing that is
 * planned but not yet done is accepted here (the status command tracks it).
 */
export const highRiskCommunicated = incidentRule(
  'high-risk-communicated',
  'With a high risk assessed, people are informed, informing is planned, or an exemption is recorded.',
  (item) => {
    const inc = item.data;
    if (inc?.risk_assessment?.level !== 'high') return [];
    const c = inc.communication;
    if (c?.informed_at !== undefined || c?.exemption || c?.planned === true) return [];
    return [report('DL-RULE-HIGH-RISK-NOT-COMMUNICATED', item, ['risk_assessment', 'level'])];
  },
);

export const communicationConsistency = incidentRule(
  'communication-consistency',
  'Informed people are not also exempted, nor still planned (warnings).',
  (item) => {
    const c = item.data?.communication;
    if (!c || c.informed_at === undefined) return [];
    const out: Diagnostic[] = [];
    // With disproportionate effort, informed_at is the date of the public communication.
    if (c.exemption && c.exemption.ground !== 'disproportionate_effort') out.push(report('DL-RULE-INFORMED-AND-EXEMPTED', item, [...EX], { informed: String(c.informed_at) }, 'key'));
    if (c.planned === true) out.push(report('DL-RULE-INFORMED-AND-PLANNED', item, ['communication', 'planned'], { informed: String(c.informed_at) }));
    return out;
  },
);

export const informedAfterAwareness = incidentRule(
  'informed-after-awareness',
  'People cannot be informed of a breach before one became aware of it.',
  (item) => {
    const inc = item.data;
    const informed = parseInstant(inc?.communication?.informed_at);
    const aware = parseInstant(inc?.timeline?.aware_at);
    if (!informed || !aware || informed.ms >= aware.ms) return [];
    return [report('DL-RULE-INFORMED-BEFORE-AWARE', item, ['communication', 'informed_at'], { informed: informed.text, aware: aware.text })];
  },
);

/** UAVG art. 42 switches art. 34 off for Dutch financial undertakings under the Wft only. */
export const wftExemption = incidentRule(
  'wft-exemption',
  "The 'financial_undertaking' exemption is for Dutch Wft financial undertakings only.",
  (item, ctx) => {
    const inc = item.data;
    if (inc?.communication?.exemption?.ground !== 'financial_undertaking') return [];
    const org = ctx.organisationOf(inc)?.data;
    if (!org) return [];
    const path = [...EX, 'ground'];
    if (org.country === 'BE') return [report('DL-RULE-WFT-BELGIUM', item, path, { org: org.id })];
    if (org.wft_financial_undertaking !== true) return [report('DL-RULE-WFT-NOT-FINANCIAL', item, path, { org: org.id })];
    return [];
  },
);
