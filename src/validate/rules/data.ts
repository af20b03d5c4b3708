/** Rules about the data, the people and the risk judgement. */
import type { Diagnostic } from '../../model/diagnostic.js';
import { incidentRule, report } from './types.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const subjectCounts = incidentRule(
  'subject-counts',
  'count_min is not above count_max, and an exact count lies within them.',
  (item) => {
    const ds = item.data?.data_subjects;
    const min = num(ds?.count_min);
    const max = num(ds?.count_max);
    const count = num(ds?.count);
    if (min !== undefined && max !== undefined && min > max) {
      return [report('DL-RULE-COUNT-RANGE', item, ['data_subjects', 'count_min'], { min, max })];
    }
    if (count !== undefined && ((min !== undefined && count < min) || (max !== undefined && count > max))) {
      return [report('DL-RULE-COUNT-OUTSIDE-RANGE', item, ['data_subjects', 'count'], { count, min: min ?? 0, max: max ?? 'no maximum' })];
    }
    return [];
  },
);

export const informedCount = incidentRule(
  'informed-count',
  'No more people are informed than were affected (warning).',
  (item) => {
    const inc = item.data;
    const informed = num(inc?.communication?.count);
    const affected = num(inc?.data_subjects?.count) ?? num(inc?.data_subjects?.count_max);
    if (informed === undefined || affected === undefined || informed <= affected) return [];
    return [report('DL-RULE-INFORMED-COUNT-EXCEEDS', item, ['communication', 'count'], { informed, affected })];
  },
);

export const riskAssessed = incidentRule(
  'risk-assessed',
  'A person of the office has assessed the risk (warning; the triage suggests one meanwhile).',
  (item) => {
    const inc = item.data;
    if (inc?.personal_data?.involved === false || inc?.risk_assessment) return [];
    return [report('DL-RULE-RISK-NOT-ASSESSED', item, ['risk_assessment'], {}, 'key')];
  },
);

export const noPersonalDataDetails = incidentRule(
  'no-personal-data-details',
  'With personal_data.involved false, no kinds of personal data are listed (warning).',
  (item) => {
    const pd = item.data?.personal_data;
    if (pd?.involved !== false) return [];
    const details: string[] = [];
    if (Array.isArray(pd.kinds) && pd.kinds.length) details.push('kinds');
    if (Array.isArray(pd.special_categories) && pd.special_categories.length) details.push('special categories');
    if (pd.credentials) details.push('credentials');
    if ((num(pd.records) ?? 0) > 0) details.push('records');
    if (details.length === 0) return [];
    return [report('DL-RULE-NO-PERSONAL-DATA-DETAILS', item, ['personal_data', 'involved'], { details: details.join(', ') })];
  },
);

const NATURE_DETAILS = [
  ['availability', 'availability_loss'],
  ['integrity', 'integrity_recoverable'],
  ['confidentiality', 'exposure'],
] as const;

export const natureDetails = incidentRule(
  'nature-details',
  'Each nature of the breach has its detail (availability_loss, integrity_recoverable, exposure), and only those (warnings).',
  (item) => {
    const what = item.data?.what;
    if (!what) return [];
    const nature: unknown[] = Array.isArray(what.nature) ? what.nature : [];
    const out: Diagnostic[] = [];
    const missing = NATURE_DETAILS.filter(([n, f]) => nature.includes(n) && what[f] === undefined);
    if (missing.length) {
      out.push(
        report('DL-RULE-NATURE-DETAIL-MISSING', item, ['what', 'nature'], {
          nature: missing.map(([n]) => n).join(' and '),
          field: missing.map(([, f]) => `what.${f}`).join(' and '),
        }, 'key'),
      );
    }
    for (const [n, f] of NATURE_DETAILS) {
      if (!nature.includes(n) && what[f] !== undefined) out.push(report('DL-RULE-NATURE-DETAIL-UNUSED', item, ['what', f], { nature: n, field: `what.${f}` }, 'key'));
    }
    return out;
  },
);

export const containmentConsistency = incidentRule(
  'containment-consistency',
  'Written confirmation of deletion implies deletion; police details imply a filed report (warnings).',
  (item) => {
    const inc = item.data;
    const out: Diagnostic[] = [];
    const c = inc?.containment;
    if (c?.deletion_confirmed_in_writing === true && c.deleted_by_recipient !== true) {
      out.push(report('DL-RULE-DELETION-NOT-RECORDED', item, ['containment', 'deletion_confirmed_in_writing']));
    }
    const pr = inc?.police_report;
    if (pr?.filed === false && (pr.at !== undefined || pr.reference !== undefined)) {
      out.push(report('DL-RULE-POLICE-DETAILS-NOT-FILED', item, ['police_report', 'filed']));
    }
    return out;
  },
);
