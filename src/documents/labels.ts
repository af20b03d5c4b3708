/**
 * Labels for every closed list of the model, as an office writes them in a letter or a form.
 * One `Labels` object per document language (labels-nl.ts, labels-fr.ts); the types force a
 * label for every value, and `LABELLED_LISTS` lets a test walk them all.
 */
import {
  AVAILABILITY_LOSSES,
  CHANNELS,
  CHECKLIST_STEPS,
  DATA_CONSEQUENCES,
  DATA_KINDS,
  DPC_CATEGORIES,
  EXEMPTIONS,
  EXFILTRATION,
  EXPOSURES,
  FOLLOW_UP_KINDS,
  INCIDENT_KINDS,
  LEGAL_GROUNDS,
  NATURES,
  OTHER_SUPERVISORS,
  PEOPLE_CONSEQUENCES,
  PROTECTIONS,
  RISK_LEVELS,
  SEVERITIES,
  SPECIAL_CATEGORIES,
  SUBJECT_GROUPS,
  type AvailabilityLoss,
  type Channel,
  type ChecklistStep,
  type DataConsequence,
  type DataKind,
  type DpcCategory,
  type Exemption,
  type Exfiltration,
  type Exposure,
  type FollowUpKind,
  type IncidentKind,
  type LegalGround,
  type Nature,
  type OtherSupervisor,
  type PeopleConsequence,
  type Protection,
  type RiskLevel,
  type Severity,
  type SpecialCategory,
  type SubjectGroup,
} from '../model/incident.js';
import { AUTHORITY_CODES, COUNTRIES, SECTORS, type AuthorityCode, type Country, type Sector } from '../model/organisation.js';
import type { EnisaBand } from '../model/outcome.js';

export const ENISA_BANDS = ['low', 'medium', 'high', 'very_high'] as const satisfies readonly EnisaBand[];
/** ENISA ease-of-identification values, as text keys ("0.25" ... "1"). */
export const EI_KEYS = ['0.25', '0.5', '0.75', '1'] as const;
export type EiKey = (typeof EI_KEYS)[number];
/** Answers a decision-path step can have (Outcome.path[].answer). */
export const PATH_ANSWERS = ['yes', 'no', 'exception', 'register only', 'n/a'] as const;
export type PathAnswer = (typeof PATH_ANSWERS)[number];

export interface Labels {
  incidentKind: Record<IncidentKind, string>;
  nature: Record<Nature, string>;
  availabilityLoss: Record<AvailabilityLoss, string>;
  dataKind: Record<DataKind, string>;
  /** Belgian wording where it differs (the national register number instead of the BSN). */
  dataKindBelgium: Partial<Record<DataKind, string>>;
  specialCategory: Record<SpecialCategory, string>;
  subjectGroup: Record<SubjectGroup, string>;
  dataConsequence: Record<DataConsequence, string>;
  peopleConsequence: Record<PeopleConsequence, string>;
  severity: Record<Severity, string>;
  channel: Record<Channel, string>;
  protection: Record<Protection, string>;
  exposure: Record<Exposure, string>;
  exfiltration: Record<Exfiltration, string>;
  riskLevel: Record<RiskLevel, string>;
  exemption: Record<Exemption, string>;
  dpcCategory: Record<DpcCategory, string>;
  followUpKind: Record<FollowUpKind, string>;
  otherSupervisor: Record<OtherSupervisor, string>;
  legalGround: Record<LegalGround, string>;
  checklistStep: Record<ChecklistStep, string>;
  /** Full names of the supervisory authorities. */
  authority: Record<AuthorityCode, string>;
  /** Full names with their article, for inside a sentence: "de Autoriteit Persoonsgegevens", "l’Autorité de protection des données". */
  authorityWithArticle: Record<AuthorityCode, string>;
  /** Short names (AP, GBA; in French APD). */
  authorityShort: Record<AuthorityCode, string>;
  sector: Record<Sector, string>;
  country: Record<Country, string>;
  enisaBand: Record<EnisaBand, string>;
  ei: Record<EiKey, string>;
  pathAnswer: Record<PathAnswer, string>;
  /** Names of other countries people may live in (ISO 3166-1 alpha-2); unknown codes print as the code. */
  otherCountries: Readonly<Record<string, string>>;
}

/** Every closed list with its values: what a test walks to check that each value has a label. */
export const LABELLED_LISTS = {
  incidentKind: INCIDENT_KINDS,
  nature: NATURES,
  availabilityLoss: AVAILABILITY_LOSSES,
  dataKind: DATA_KINDS,
  specialCategory: SPECIAL_CATEGORIES,
  subjectGroup: SUBJECT_GROUPS,
  dataConsequence: DATA_CONSEQUENCES,
  peopleConsequence: PEOPLE_CONSEQUENCES,
  severity: SEVERITIES,
  channel: CHANNELS,
  protection: PROTECTIONS,
  exposure: EXPOSURES,
  exfiltration: EXFILTRATION,
  riskLevel: RISK_LEVELS,
  exemption: EXEMPTIONS,
  dpcCategory: DPC_CATEGORIES,
  followUpKind: FOLLOW_UP_KINDS,
  otherSupervisor: OTHER_SUPERVISORS,
  legalGround: LEGAL_GROUNDS,
  checklistStep: CHECKLIST_STEPS,
  authority: AUTHORITY_CODES,
  authorityWithArticle: AUTHORITY_CODES,
  authorityShort: AUTHORITY_CODES,
  sector: SECTORS,
  country: COUNTRIES,
  enisaBand: ENISA_BANDS,
  ei: EI_KEYS,
  pathAnswer: PATH_ANSWERS,
} as const satisfies { [K in keyof Labels]?: readonly string[] };
