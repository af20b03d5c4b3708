/**
 * What the language-specific sentence builders (texts-nl.ts, texts-fr.ts) get: the incident,
 * its organisation and outcome, the labels of the document language and pure formatting helpers
 * bound to the office's time zone. Pure: no IO, no clock.
 */
import type { DataKind, Exemption, Incident } from '../model/incident.js';
import type { Organisation } from '../model/organisation.js';
import type { Outcome, PathStep, RiskFactor } from '../model/outcome.js';
import type { Labels } from './labels.js';

export type DocumentLanguage = 'nl' | 'fr';

export interface TextContext {
  incident: Incident;
  organisation: Organisation;
  outcome: Outcome;
  labels: Labels;
  /** The office's IANA time zone. */
  zone: string;
  /** Kinds of personal data listed in the incident. */
  kinds: ReadonlySet<DataKind>;
  /** Label of a data kind, with the Belgian wording for a Belgian office. */
  kind: (k: DataKind) => string;
  /** "22 november 2026" / "22 novembre 2026"; a plain date stays that day. */
  date: (value: string) => string;
  /** "22 november 2026 om 14:30 uur" / "22 novembre 2026 à 14h30"; a plain date prints as a day. */
  dateTime: (value: string) => string;
  /** "1.250" / "1 250" */
  number: (n: number) => string;
  /** "a, b en c" / "a, b et c" */
  list: (items: readonly string[]) => string;
  /** Largest known number of people (count, else count_max, else count_min). */
  people: number | undefined;
  /** The full name of the competent authority with its article ("de Autoriteit Persoonsgegevens"), in the document language. */
  authorityName: string;
}

/** The Dutch or French wording of everything data.ts builds from facts rather than copies. */
export interface DocumentTexts {
  /** Salutation when the recipient's name is not known. */
  salutation: string;
  /** "KvK-nummer" or "ondernemingsnummer" (KBO). */
  registrationNumberKind: (country: Organisation['country']) => string;
  /** Question, answer, reason and legal basis of one decision-path step, from the facts. */
  pathStep: (step: PathStep, c: TextContext) => { vraag: string; antwoord: string; reden: string; grondslag: string };
  /** One weighed risk factor as a sentence and its effect on the level, or undefined to leave it out. */
  factor: (factor: RiskFactor, c: TextContext) => { tekst: string; gevolg: string | null } | undefined;
  /** How a decision-path step is numbered in documents ("6-exemptions" reads "6 (uitzondering)"). */
  stepNumber: (step: string) => string;
  /** The kind of notification (AP form chapter 1): "nieuwe melding". */
  newNotification: string;
  /** Whether altered data can be recovered, in words. */
  integrityRecovery: (recoverable: boolean) => string;
  /** What the recipient of the letter can do, derived from the kinds of data. */
  advice: (c: TextContext) => string[];
  /** Data that were not affected, derived from the kinds that are absent (empty when unknown). */
  notAffected: (c: TextContext) => string[];
  /** Containment facts (recovered, deleted, wiped, reset...) as sentences. */
  containment: (c: TextContext) => string[];
  /** Why the people affected are not (yet) informed, or null when they are or must be. */
  notInformedReason: (c: TextContext) => string | null;
  /** Legal basis of an exemption, e.g. "art. 34 lid 3 onder a AVG". */
  exemptionBasis: (e: Exemption) => string;
  /** The office's grounds for an exemption when it did not write them (UAVG art. 42 applies by law). */
  exemptionGrounds: (e: Exemption, c: TextContext) => string;
  /** An ENISA flag ("more_than_100_people", "data_unintelligible") as words. */
  flag: (flag: string) => string;
  /** Names of the ENISA figures for corrections: DPC, EI, CB. */
  enisaPart: Record<'dpc' | 'ei' | 'cb', string>;
  /** Direction of a risk factor. */
  effect: Record<RiskFactor['effect'], string>;
  /** "open" / "afgesloten" */
  status: (open: boolean) => string;
  /** Range of people as words for CSV and prose: "170 tot 190". */
  range: (min: string, max: string) => string;
  /** "ten minste 30" / "au moins 30" */
  atLeast: (n: string) => string;
  /** "ten hoogste 30" / "au plus 30" */
  atMost: (n: string) => string;
  /** "onbekend" / "inconnu" */
  unknown: string;
}
