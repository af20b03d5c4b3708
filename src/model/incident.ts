/**
 * The incident record: what one YAML file under incidents/ holds once it has passed
 * schemas/incident.schema.json. Keys are English snake_case; the schema carries the Dutch
 * titles and descriptions that editors show. Every instant is an ISO-8601 string with its UTC
 * offset (e.g. 2026-03-29T01:30:00+01:00); plain dates are YYYY-MM-DD.
 *
 * This file and the schema must agree: test/schema.test.ts checks every example against both.
 */

/** An ISO-8601 date-time with a UTC offset or Z, e.g. "2026-10-24T22:15:00+02:00". */
export type Instant = string;
/** A calendar date, YYYY-MM-DD. */
export type CalendarDate = string;
/** A date-time with offset, or a plain date when only the day is known. */
export type InstantOrDate = string;

/** Incident kinds, the closed list of the AP form (chapter 5). */
export const INCIDENT_KINDS = [
  'email_wrong_recipient',
  'recipients_visible', // recipients in To/CC instead of BCC
  'letter_wrong_address',
  'letter_lost',
  'wrong_authorisations',
  'share_too_open',
  'device_lost_or_stolen',
  'paper_lost_or_stolen',
  'accidental_publication',
  'hacking_malware_phishing',
  'data_in_wrong_file',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Nature of the breach: which security property was lost. */
export const NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export type Nature = (typeof NATURES)[number];

/** For availability breaches: lost for a while or for good. */
export const AVAILABILITY_LOSSES = ['temporary', 'permanent'] as const;
export type AvailabilityLoss = (typeof AVAILABILITY_LOSSES)[number];

/** Kinds of personal data, the general list of the AP form (chapter 6). */
export const DATA_KINDS = [
  'name',
  'sex',
  'date_of_birth',
  'bsn', // citizen service number (burgerservicenummer) or Belgian national register number
  'contact_details',
  'access_or_identification', // user names, passwords, customer numbers
  'bank_account',
  'credit_card',
  'debts_or_benefits',
  'other_financial',
  'id_copy',
  'location',
  'criminal',
  'behavioural', // habits, traffic data, preferences (ENISA's behavioural category)
  'other',
  'unknown',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Special categories of personal data (GDPR art. 9). */
export const SPECIAL_CATEGORIES = [
  'origin',
  'political',
  'religious',
  'union',
  'sex_life',
  'health',
  'genetic',
  'biometric',
] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];

/** Groups of people affected (AP form chapter 7). */
export const SUBJECT_GROUPS = [
  'employees',
  'customers',
  'pupils_students',
  'patients',
  'minors',
  'vulnerable',
  'other',
] as const;
export type SubjectGroup = (typeof SUBJECT_GROUPS)[number];

/** Consequences for the data (AP form chapter 9). */
export const DATA_CONSEQUENCES = [
  'unauthorised_knowledge',
  'misuse',
  'wrong_data_used',
  'temporarily_unavailable',
  'permanently_unavailable',
  'other',
] as const;
export type DataConsequence = (typeof DATA_CONSEQUENCES)[number];

/** Consequences for the people (AP form chapter 9). */
export const PEOPLE_CONSEQUENCES = [
  'discrimination',
  'identity_fraud',
  'financial_loss',
  'reputational_damage',
  'loss_of_professional_secrecy',
  'reversal_of_pseudonymisation',
  'loss_of_control',
  'other',
] as const;
export type PeopleConsequence = (typeof PEOPLE_CONSEQUENCES)[number];

/** Estimated severity, the AP form's four-point scale. */
export const SEVERITIES = ['negligible', 'limited', 'significant', 'very_large'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Channels for informing data subjects (AP form chapter 10). */
export const CHANNELS = ['phone', 'letter', 'email', 'website', 'social_media', 'newspaper', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Protection of the data beforehand (AP form chapter 8). */
export const PROTECTIONS = ['none', 'encrypted', 'hashed', 'otherwise_unintelligible'] as const;
export type Protection = (typeof PROTECTIONS)[number];

/** Who could see the data (ENISA circumstances of breach, confidentiality). */
export const EXPOSURES = ['no_evidence_of_access', 'known_recipients', 'unknown_recipients', 'published'] as const;
export type Exposure = (typeof EXPOSURES)[number];

export const EXFILTRATION = ['confirmed', 'ruled_out', 'unknown'] as const;
export type Exfiltration = (typeof EXFILTRATION)[number];

export const RISK_LEVELS = ['none', 'risk', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Grounds on which data subjects are not informed (art. 34(3) a-c, UAVG art. 42). */
export const EXEMPTIONS = [
  'encryption',
  'subsequent_measures',
  'disproportionate_effort',
  'financial_undertaking',
] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

/** ENISA ease-of-identification values: negligible, limited, significant, maximum. */
export const ENISA_EI_VALUES = [0.25, 0.5, 0.75, 1] as const;
export type EnisaEi = (typeof ENISA_EI_VALUES)[number];

/** ENISA data-processing-context base categories. */
export const DPC_CATEGORIES = ['simple', 'behavioural', 'financial', 'sensitive'] as const;
export type DpcCategory = (typeof DPC_CATEGORIES)[number];

export const FOLLOW_UP_KINDS = ['supplement', 'correction', 'withdrawal'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** Other supervisors an office may have to tell (AP form chapter 1). */
export const OTHER_SUPERVISORS = ['AFM', 'DNB', 'ACM', 'FSMA', 'NBB', 'other'] as const;
export type OtherSupervisor = (typeof OTHER_SUPERVISORS)[number];

export const LEGAL_GROUNDS = ['gdpr', 'telecom', 'eidas', 'other'] as const;
export type LegalGround = (typeof LEGAL_GROUNDS)[number];

export const CHECKLIST_STEPS = [
  'identify_and_contain',
  'assess_risk',
  'notify_authority',
  'inform_data_subjects',
  'improve',
  'document',
  'legal_advice',
] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export interface Person {
  name: string;
  function?: string;
  email?: string;
  phone?: string;
}

export interface Processor {
  name: string;
  contact?: Person;
  /** When the processor told the office (art. 33(2)). */
  informed_controller_at?: Instant;
  role?: string;
}

export interface Timeline {
  /** (Possible) start of the breach. */
  started_at?: InstantOrDate;
  /** End of the breach; absent with ongoing: true. */
  ended_at?: InstantOrDate;
  ongoing?: boolean;
  /** Moment the incident was discovered. */
  discovered_at: Instant;
  /** Moment of awareness (kennisname): the 72 hours run from here. */
  aware_at: Instant;
  /** Incident closed (all duties done, file complete). */
  closed_at?: Instant;
}

export interface WhatHappened {
  /** The facts, in plain words. */
  facts: string;
  /** How the incident was discovered. */
  discovery?: string;
  cause?: string;
  kind: IncidentKind;
  /** Which properties were lost; at least one. */
  nature: Nature[];
  /** For availability: lost for a while or for good. */
  availability_loss?: AvailabilityLoss;
  /** For integrity: can the altered data be recovered? */
  integrity_recoverable?: boolean;
  /** For confidentiality: who could see the data. */
  exposure?: Exposure;
  malicious: boolean;
  exfiltration: Exfiltration;
}

export interface Credentials {
  /** What the leaked credentials give access to. */
  opens: string;
  /** ENISA category of the data they open: credentials take the DPC of what they open. */
  opens_category: DpcCategory;
}

export interface PersonalData {
  /** Step 1: are data about identified or identifiable living people involved? */
  involved: boolean;
  kinds?: DataKind[];
  special_categories?: SpecialCategory[];
  credentials?: Credentials;
  /** Number of records (an estimate is allowed). */
  records?: number;
  records_estimated?: boolean;
  description?: string;
}

export interface DataSubjects {
  groups?: SubjectGroup[];
  description?: string;
  /** Exact number of people; or give count_min and count_max. */
  count?: number;
  count_min?: number;
  count_max?: number;
  /** Minors, patients or other vulnerable people among them. */
  vulnerable?: boolean;
  /** ISO 3166-1 alpha-2 codes of the countries where the people live. */
  countries?: string[];
}

export interface Backup {
  available: boolean;
  restored?: boolean;
  /** Hours it took to restore the data from the backup. */
  restore_hours?: number;
}

export interface Protections {
  measure: Protection;
  /** Is the encryption or hashing state of the art (e.g. AES-256, full disk; salted bcrypt)? */
  state_of_the_art?: boolean;
  /** Was the key or password compromised? */
  key_compromised?: boolean;
  description?: string;
  backup?: Backup;
}

export interface Containment {
  /** The data (device, paper, file) were recovered. */
  recovered?: boolean;
  /** The recipient is trusted (a professional, a known client, a partner under contract). */
  recipient_trusted?: boolean;
  /** The recipient deleted or returned the data. */
  deleted_by_recipient?: boolean;
  /** ... and confirmed this in writing. */
  deletion_confirmed_in_writing?: boolean;
  passwords_reset?: boolean;
  remote_wiped?: boolean;
  access_revoked?: boolean;
  description?: string;
}

export interface Consequences {
  for_data?: DataConsequence[];
  for_people?: PeopleConsequence[];
  severity?: Severity;
  description?: string;
}

export interface Measures {
  taken?: string[];
  planned?: string[];
}

export interface EnisaOverride<T> {
  value: T;
  reason: string;
}

export interface RiskAssessment {
  /** The person's judgement: this decides steps 5 and 6. */
  level: RiskLevel;
  assessed_by: string;
  assessed_at: Instant;
  rationale: string;
  /** Optional corrections of the ENISA suggestion, each with its reason. */
  enisa?: {
    dpc?: EnisaOverride<number>;
    ei?: EnisaOverride<number>;
    cb?: EnisaOverride<number>;
  };
}

export interface FollowUp {
  at: Instant;
  kind: FollowUpKind;
  summary: string;
  reference?: string;
}

export interface AuthorityNotification {
  /** When the authority was notified (initial notification). */
  notified_at?: Instant;
  /** The authority's reference number (meldnummer). */
  reference?: string;
  /** Reasons for notifying after 72 hours. */
  late_reasons?: string;
  /** Why the authority was not notified (register-only incidents). */
  not_notified_reason?: string;
  follow_ups?: FollowUp[];
  legal_ground?: LegalGround;
  other_supervisors?: OtherSupervisor[];
  /** Authorities in other countries that were told. */
  other_authorities?: string[];
}

export interface DataSubjectExemption {
  ground: Exemption;
  /** Why the ground applies, in words the authority will read. */
  grounds: string;
  /** For disproportionate effort: the public communication or equally effective measure. */
  public_communication?: string;
}

export interface Communication {
  informed_at?: Instant;
  channels?: Channel[];
  count?: number;
  /** Informing is planned but not yet done. */
  planned?: boolean;
  exemption?: DataSubjectExemption;
  /** Produce the letter even when the triage does not require it. */
  letter_requested?: boolean;
}

export interface PoliceReport {
  filed: boolean;
  at?: Instant;
  reference?: string;
}

export interface ChecklistItem {
  owner?: string;
  done_at?: Instant;
  note?: string;
}

export type Checklist = Partial<Record<ChecklistStep, ChecklistItem>>;

export interface Incident {
  id: string;
  organisation: string;
  title: string;
  reporter: Person;
  processor?: Processor;
  timeline: Timeline;
  what: WhatHappened;
  personal_data: PersonalData;
  data_subjects?: DataSubjects;
  protection?: Protections;
  containment?: Containment;
  consequences?: Consequences;
  measures?: Measures;
  risk_assessment?: RiskAssessment;
  authority?: AuthorityNotification;
  communication?: Communication;
  police_report?: PoliceReport;
  /** When the office's insurer was told. */
  insurer_informed_at?: Instant;
  checklist?: Checklist;
  /** Whether the organisation counts as having professional secrecy for this incident; defaults to the organisation's. */
  professional_secrecy?: boolean;
}
