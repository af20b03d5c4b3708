/**
 * The 18 example cases of EDPB Guidelines 01/2021 on Examples regarding Personal Data Breach
 * Notification (version 2.0, adopted 14 December 2021), encoded as fictional incidents in our
 * model, each with the EDPB's verdict ("Actions necessary based on the identified risks"):
 *   none = internal documentation only; risk = also notify the SA; high = also communicate to the
 *   data subjects.
 * The case facts are paraphrased; where the guidelines leave a field open (exact counts, data
 * kinds), the value chosen is the plain reading of the case and is marked "assumed".
 */
import type { Incident, RiskLevel } from '../../src/model/incident.js';
import type { Organisation } from '../../src/model/organisation.js';
import { anIncident, anOrganisation, merge, type DeepPartial } from './builders.js';

export interface EdpbCase {
  no: number;
  title: string;
  verdict: RiskLevel;
  /** Where the verdict was checked. */
  verdictSource: string;
  organisation: Organisation;
  incident: Incident;
}

const FULL_TEXT = 'EDPB Guidelines 01/2021 v2.0, case text and action table';
const SUMMARY_IJE = 'EDPB Guidelines 01/2021, as summarised in the ije.be quick-reference table';
const SUMMARY_BAKER = 'EDPB Guidelines 01/2021, as summarised by Baker McKenzie (Global Litigation News, Feb 2021)';
const RECALLED = 'EDPB Guidelines 01/2021 v2.0 action table (from the published guidelines; full text not in the search corpus)';

const base = (patch: DeepPartial<Incident>): Incident =>
  anIncident(
    merge<DeepPartial<Incident>>(
      {
        what: { exposure: undefined, malicious: false, exfiltration: 'ruled_out' },
        data_subjects: { count: undefined },
      },
      patch,
    ),
  );

const org = (patch: DeepPartial<Organisation>) => anOrganisation(patch);

export const EDPB_CASES: EdpbCase[] = [
  {
    no: 1,
    title: 'Ransomware with proper backup and without exfiltration',
    verdict: 'none',
    verdictSource: FULL_TEXT,
    organisation: org({ name: 'Small manufacturing company', sector: 'other' }),
    incident: base({
      what: {
        facts: 'Ransomware encrypted the systems; data at rest were already encrypted (state of the art, key safe). Logs show no outbound data flow. Restored from backup within hours; no effect on operations.',
        kind: 'hacking_malware_phishing',
        nature: ['availability', 'confidentiality'],
        availability_loss: 'temporary',
        exposure: 'no_evidence_of_access',
        malicious: true,
        exfiltration: 'ruled_out',
      },
      personal_data: { kinds: ['name', 'contact_details', 'bank_account'] }, // employees and clients (bank accounts assumed)
      data_subjects: { groups: ['employees', 'customers'], count: 40 }, // "a few dozen"
      protection: { measure: 'encrypted', state_of_the_art: true, key_compromised: false, backup: { available: true, restored: true, restore_hours: 3 } },
      consequences: { for_data: ['temporarily_unavailable'], severity: 'negligible' },
    }),
  },
  {
    no: 2,
    title: 'Ransomware without proper backup',
    verdict: 'risk',
    verdictSource: RECALLED,
    organisation: org({ name: 'Agricultural company', sector: 'other' }),
    incident: base({
      what: {
        facts: 'Ransomware encrypted a computer; logs show no exfiltration. No electronic backup; data rebuilt from paper in 5 working days, with minor delays in deliveries.',
        kind: 'hacking_malware_phishing',
        nature: ['availability'],
        availability_loss: 'temporary',
        malicious: true,
        exfiltration: 'ruled_out',
      },
      personal_data: { kinds: ['name', 'contact_details', 'bank_account'] },
      data_subjects: { groups: ['employees', 'customers'], count: 40 },
      protection: { measure: 'none', backup: { available: false, restored: true, restore_hours: 120 } },
      consequences: { for_data: ['temporarily_unavailable'], severity: 'limited' },
    }),
  },
  {
    no: 3,
    title: 'Ransomware with backup and without exfiltration in a hospital',
    verdict: 'high',
    verdictSource: SUMMARY_BAKER,
    organisation: org({ name: 'Hospital', sector: 'healthcare' }),
    incident: base({
      what: {
        facts: 'Ransomware encrypted the hospital information system; no exfiltration. Restoring from backup took two days; operations were cancelled and treatment delayed.',
        kind: 'hacking_malware_phishing',
        nature: ['availability'],
        availability_loss: 'temporary',
        malicious: true,
        exfiltration: 'ruled_out',
      },
      personal_data: { kinds: ['name', 'date_of_birth', 'contact_details'], special_categories: ['health'] },
      data_subjects: { groups: ['patients'], count: 1800 }, // count assumed
      protection: { measure: 'none', backup: { available: true, restored: true, restore_hours: 48 } },
      consequences: { for_data: ['temporarily_unavailable'], for_people: ['other'], severity: 'significant' },
    }),
  },
  {
    no: 4,
    title: 'Ransomware without backup and with exfiltration',
    verdict: 'high',
    verdictSource: RECALLED,
    organisation: org({ name: 'Public transport company', sector: 'other' }),
    incident: base({
      what: {
        facts: 'Ransomware encrypted the server and the attacker exfiltrated the data first; the backup was encrypted too.',
        kind: 'hacking_malware_phishing',
        nature: ['availability', 'confidentiality'],
        availability_loss: 'permanent',
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'other', 'credit_card'] }, // identity card numbers as "other"
      data_subjects: { groups: ['customers', 'employees'], count: 5000 }, // "several thousand"
      protection: { measure: 'none', backup: { available: false } },
    }),
  },
  {
    no: 5,
    title: 'Exfiltration of job application data from a website',
    verdict: 'high',
    verdictSource: RECALLED,
    organisation: org({ name: 'Recruitment agency', sector: 'other' }),
    incident: base({
      what: {
        facts: 'Malicious code on the job application form sent what applicants entered to an attacker.',
        kind: 'hacking_malware_phishing',
        nature: ['confidentiality'],
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'date_of_birth', 'other'] }, // CV data as "other"
      data_subjects: { groups: ['other'], count: 213 },
    }),
  },
  {
    no: 6,
    title: 'Exfiltration of hashed password from a website',
    verdict: 'none',
    verdictSource: RECALLED,
    organisation: org({ name: 'Cooking recipe website', sector: 'other' }),
    incident: base({
      what: {
        facts: 'SQL injection; user names and salted password hashes (state of the art) were exfiltrated; the salts and keys were not.',
        kind: 'hacking_malware_phishing',
        nature: ['confidentiality'],
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'confirmed',
      },
      personal_data: {
        kinds: ['access_or_identification'],
        credentials: { opens: 'recipe website accounts', opens_category: 'simple' },
      },
      data_subjects: { groups: ['customers'], count: 1200 }, // count assumed
      protection: { measure: 'hashed', state_of_the_art: true, key_compromised: false },
    }),
  },
  {
    no: 7,
    title: 'Credential stuffing attack on a banking website',
    verdict: 'high',
    verdictSource: RECALLED,
    organisation: org({ name: 'Bank', sector: 'other' }),
    incident: base({
      what: {
        facts: 'Attackers tried user IDs with a trivial password; a flaw leaked identity data of about 100,000 customers and about 2,000 accounts were entered.',
        kind: 'hacking_malware_phishing',
        nature: ['confidentiality'],
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'confirmed',
      },
      personal_data: {
        kinds: ['name', 'sex', 'date_of_birth', 'bsn', 'access_or_identification', 'bank_account', 'other_financial'],
        credentials: { opens: 'online banking', opens_category: 'financial' },
      },
      data_subjects: { groups: ['customers'], count: 100000 },
    }),
  },
  {
    no: 8,
    title: 'Exfiltration of business data by a former employee',
    verdict: 'risk',
    verdictSource: RECALLED,
    organisation: org({ name: 'Business company', sector: 'other' }),
    incident: base({
      what: {
        facts: 'During his notice period an employee copied the customer base to use at his next employer.',
        kind: 'other',
        nature: ['confidentiality'],
        exposure: 'known_recipients',
        malicious: true,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details'] },
      data_subjects: { groups: ['customers'] }, // number not given
    }),
  },
  {
    no: 9,
    title: 'Accidental transmission of data to a trusted third party',
    verdict: 'none',
    verdictSource: SUMMARY_IJE,
    organisation: org({ name: 'Insurance company', sector: 'insurance_intermediary' }),
    incident: base({
      what: {
        facts: 'An insurance agent could see about two dozen customers outside his portfolio in an Excel file sent to him; he is bound by professional secrecy, told the controller and deleted the file, confirming this in writing.',
        kind: 'email_wrong_recipient',
        nature: ['confidentiality'],
        exposure: 'known_recipients',
        malicious: false,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'other_financial'] },
      data_subjects: { groups: ['customers'], count: 24 },
      containment: { recipient_trusted: true, deleted_by_recipient: true, deletion_confirmed_in_writing: true },
    }),
  },
  {
    no: 10,
    title: 'Stolen material storing encrypted personal data',
    verdict: 'none',
    verdictSource: RECALLED,
    organisation: org({ name: 'Child care centre', sector: 'education' }),
    incident: base({
      what: {
        facts: 'Two tablets were stolen in a burglary; device and app data were encrypted (state of the art), the key was not compromised, the tablets were wiped remotely and the data are in a backup.',
        kind: 'device_lost_or_stolen',
        nature: ['confidentiality', 'availability'],
        availability_loss: 'temporary',
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'unknown',
      },
      personal_data: { kinds: ['name', 'date_of_birth', 'other'] },
      data_subjects: { groups: ['minors'], count: 60, vulnerable: true },
      protection: { measure: 'encrypted', state_of_the_art: true, key_compromised: false, backup: { available: true, restored: true, restore_hours: 2 } },
      containment: { remote_wiped: true },
    }),
  },
  {
    no: 11,
    title: 'Stolen material storing non-encrypted personal data',
    verdict: 'high',
    verdictSource: RECALLED,
    organisation: org({ name: 'Service provider', sector: 'other' }),
    incident: base({
      what: {
        facts: 'An employee\'s notebook was stolen; no encryption, no password; names, sex, addresses and dates of birth of more than 100,000 customers; daily backups exist.',
        kind: 'device_lost_or_stolen',
        nature: ['confidentiality', 'availability'],
        availability_loss: 'temporary',
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'unknown',
      },
      personal_data: { kinds: ['name', 'sex', 'contact_details', 'date_of_birth'] },
      data_subjects: { groups: ['customers'], count: 100001 },
      protection: { measure: 'none', backup: { available: true, restored: true, restore_hours: 8 } },
    }),
  },
  {
    no: 12,
    title: 'Stolen paper files with sensitive data',
    verdict: 'high',
    verdictSource: RECALLED,
    organisation: org({ name: 'Drug addiction rehabilitation centre', sector: 'healthcare' }),
    incident: base({
      what: {
        facts: 'A paper logbook with identity and health data of patients was stolen; it was not locked away and there is no copy.',
        kind: 'paper_lost_or_stolen',
        nature: ['confidentiality', 'availability'],
        availability_loss: 'permanent',
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'unknown',
      },
      personal_data: { kinds: ['name', 'date_of_birth'], special_categories: ['health'] },
      data_subjects: { groups: ['patients'], vulnerable: true }, // number not given
      protection: { measure: 'none', backup: { available: false } },
    }),
  },
  {
    no: 13,
    title: 'Postal mail mistake (packing slips of two orders swapped)',
    verdict: 'none',
    verdictSource: SUMMARY_IJE,
    organisation: org({ name: 'Shoe retailer', sector: 'other' }),
    incident: base({
      what: {
        facts: 'Two shoe orders and their packing slips were swapped; each customer received the other\'s name, address, items and price.',
        kind: 'letter_wrong_address',
        nature: ['confidentiality'],
        exposure: 'known_recipients',
        malicious: false,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'behavioural'] },
      data_subjects: { groups: ['customers'], count: 2 },
    }),
  },
  {
    no: 14,
    title: 'Highly confidential personal data sent by mail by mistake',
    verdict: 'high',
    verdictSource: SUMMARY_IJE,
    organisation: org({ name: 'Employment department of a public administration', sector: 'public' }),
    incident: base({
      what: {
        facts: 'An e-mail about trainings to all registered job seekers carried an attachment with the name, e-mail and postal address and social security number of more than 60,000 job seekers.',
        kind: 'email_wrong_recipient',
        nature: ['confidentiality'],
        exposure: 'known_recipients',
        malicious: false,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'bsn'] },
      data_subjects: { groups: ['other'], count: 60000 },
    }),
  },
  {
    no: 15,
    title: 'Personal data sent by mail by mistake (course list to former participants)',
    verdict: 'risk',
    verdictSource: RECALLED,
    organisation: org({ name: 'Course organiser', sector: 'education' }),
    incident: base({
      what: {
        facts: 'A list of 15 course participants with names, e-mail addresses and food preferences (two lactose intolerant) went to 15 former participants instead of the hotel; they were asked to delete it.',
        kind: 'email_wrong_recipient',
        nature: ['confidentiality'],
        exposure: 'known_recipients',
        malicious: false,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details'], special_categories: ['health'] },
      data_subjects: { groups: ['customers'], count: 15 },
    }),
  },
  {
    no: 16,
    title: 'Postal mail mistake (car insurance letters)',
    verdict: 'risk',
    verdictSource: SUMMARY_IJE,
    organisation: org({ name: 'Insurance group', sector: 'insurance_intermediary' }),
    incident: base({
      what: {
        facts: 'Adjusted car insurance policies with name, address, registration number, premiums, mileage and date of birth went to the wrong policyholders.',
        kind: 'letter_wrong_address',
        nature: ['confidentiality'],
        exposure: 'known_recipients',
        malicious: false,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'date_of_birth', 'other_financial', 'other'] },
      data_subjects: { groups: ['customers'], count: 2 }, // number assumed
    }),
  },
  {
    no: 17,
    title: 'Identity theft (social engineering at a contact centre)',
    verdict: 'high',
    verdictSource: RECALLED,
    organisation: org({ name: 'Telecommunications company', sector: 'other' }),
    incident: base({
      what: {
        facts: 'A caller posing as a customer had the e-mail address changed and then received the customer\'s billing data; the impostor used the account.',
        kind: 'other',
        nature: ['confidentiality', 'integrity'],
        integrity_recoverable: true,
        exposure: 'known_recipients',
        malicious: true,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'bank_account', 'other_financial'] },
      data_subjects: { groups: ['customers'], count: 1 },
      consequences: { for_data: ['misuse'], for_people: ['identity_fraud'] },
    }),
  },
  {
    no: 18,
    title: 'Email exfiltration (forwarding rules in a hypermarket chain)',
    verdict: 'high',
    verdictSource: RECALLED,
    organisation: org({ name: 'Hypermarket chain', sector: 'other' }),
    incident: base({
      what: {
        facts: 'Forwarding rules sent mails about invoices, payments and bank details to an external address for months; a supplier\'s bank details were changed to the attacker\'s.',
        kind: 'hacking_malware_phishing',
        nature: ['confidentiality', 'integrity'],
        integrity_recoverable: true,
        exposure: 'unknown_recipients',
        malicious: true,
        exfiltration: 'confirmed',
      },
      personal_data: { kinds: ['name', 'contact_details', 'bank_account', 'credit_card', 'other_financial'] },
      data_subjects: { groups: ['customers', 'employees', 'other'] }, // number not given
      consequences: { for_data: ['misuse'], for_people: ['financial_loss'] },
    }),
  },
];
