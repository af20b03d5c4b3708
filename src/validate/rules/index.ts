/** Every rule, in the order they run. Add a rule by writing a small function and listing it here. */
import type { Rule } from './types.js';
import {
  duplicateIncidentId,
  duplicateOrganisationId,
  incidentFileName,
  incidentFolder,
  organisationFolder,
  reservedIncidentId,
  reservedOrganisationId,
  unknownOrganisation,
} from './identity.js';
import {
  awarenessAfterDiscovery,
  closedAfterAwareness,
  endedAfterStart,
  endedOrOngoing,
  eventsAfterDiscovery,
  noFutureMoments,
  startBeforeDiscoveryAndAwareness,
} from './timeline.js';
import { followUpsAfterNotification, lateNotificationReasons, notificationConsistency, notificationOverdue, notifiedAfterAwareness } from './authority.js';
import { communicationConsistency, encryptionExemptionFounded, exemptionGrounds, highRiskCommunicated, informedAfterAwareness, wftExemption } from './communication.js';
import { containmentConsistency, informedCount, natureDetails, noPersonalDataDetails, riskAssessed, subjectCounts } from './data.js';
import { closedWithOpenSteps, stepsAfterAwareness } from './checklist.js';
import { addressFitsCountry, authorityFitsCountry, chamberOfCommerceNumber, knownTimeZone, languageAcceptedByAuthority, wftOnlyInNetherlands } from './organisation.js';
import { placeholdersFilledIn } from './placeholders.js';

export const RULES: readonly Rule[] = [
  // identity
  duplicateIncidentId,
  unknownOrganisation,
  incidentFileName,
  incidentFolder,
  organisationFolder,
  duplicateOrganisationId,
  reservedIncidentId,
  reservedOrganisationId,
  // timeline
  startBeforeDiscoveryAndAwareness,
  awarenessAfterDiscovery,
  endedAfterStart,
  endedOrOngoing,
  closedAfterAwareness,
  noFutureMoments,
  eventsAfterDiscovery,
  // authority
  notifiedAfterAwareness,
  lateNotificationReasons,
  notificationOverdue,
  followUpsAfterNotification,
  notificationConsistency,
  // data subjects
  exemptionGrounds,
  encryptionExemptionFounded,
  highRiskCommunicated,
  communicationConsistency,
  informedAfterAwareness,
  wftExemption,
  // data and risk
  subjectCounts,
  informedCount,
  riskAssessed,
  noPersonalDataDetails,
  natureDetails,
  containmentConsistency,
  // checklist
  closedWithOpenSteps,
  stepsAfterAwareness,
  // organisations
  wftOnlyInNetherlands,
  authorityFitsCountry,
  addressFitsCountry,
  chamberOfCommerceNumber,
  knownTimeZone,
  languageAcceptedByAuthority,
  placeholdersFilledIn,
];

export type { Rule, RuleContext, Checked } from './types.js';
