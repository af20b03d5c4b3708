/**
 * The triage outcome: the contract of `datalek triage --json` (see shared DESIGN.md).
 * Keys listed there keep their names and meanings; extra keys are additions.
 */
import type { Exemption, RiskLevel } from './incident.js';
import type { AuthorityCode } from './organisation.js';

export type EnisaBand = 'low' | 'medium' | 'high' | 'very_high';

export interface EnisaScore {
  /** Data processing context, 1 to 4 (after context adjustments and overrides). */
  dpc: number;
  /** Ease of identification: 0.25, 0.5, 0.75 or 1. */
  ei: number;
  /** Circumstances of breach, summed. */
  cb: number;
  /** SE = DPC x EI + CB. */
  score: number;
  band: EnisaBand;
  /** Flags shown beside the score, e.g. "more_than_100_people", "data_unintelligible". */
  flags: string[];
  /** How each figure was reached, readable. */
  explanation: string[];
}

export interface RiskFactor {
  /** Stable code, e.g. "special_categories". */
  code: string;
  /** Which way it pushes: up raises the level, down lowers it, info only explains. */
  effect: 'up' | 'down' | 'info';
  /** Readable reason (English). */
  reason: string;
}

export interface RiskSuggestion {
  level: RiskLevel;
  enisa: EnisaScore;
  /** Readable reasons (the contract's `factors`), in the order they were weighed. */
  factors: string[];
  /** The same reasons as data. */
  factorDetails: RiskFactor[];
  /** Policy id and version that produced this suggestion. */
  policy: { id: string; version: string };
}

export interface Risk {
  level: RiskLevel;
  source: 'assessed' | 'suggested';
  suggested: RiskSuggestion;
  assessedBy?: string;
  assessedAt?: string;
}

export interface AuthorityDuty {
  code: AuthorityCode;
  /** Full name of the authority. */
  name: string;
  /** awareness + 72 h, ISO-8601 instant in UTC (Z). */
  deadline: string;
  notifiedAt: string | null;
  late: boolean;
  lateReasonRequired: boolean;
  /** Hours between awareness and notification (or `now` when not yet notified). */
  hoursUsed: number | null;
}

export interface PathStep {
  step: number | string;
  question: string;
  answer: 'yes' | 'no' | 'n/a' | string;
  reason: string;
  basis: string;
}

export interface Outcome {
  id: string;
  organisation: string;
  file: string;
  personalData: boolean;
  breach: boolean;
  register: true;
  risk: Risk;
  notifyAuthority: boolean;
  authority: AuthorityDuty;
  notifyDataSubjects: boolean;
  dataSubjectsExemption: Exemption | null;
  path: PathStep[];
  warnings: string[];
}
