/** English labels for closed lists, used in CLI output and decision paths. */
import type { IncidentKind } from './incident.js';

export const INCIDENT_KIND_EN: Record<IncidentKind, string> = {
  email_wrong_recipient: 'e-mail to the wrong recipient',
  recipients_visible: 'recipients visible in To/CC instead of BCC',
  letter_wrong_address: 'letter to the wrong address',
  letter_lost: 'lost letter',
  wrong_authorisations: 'wrong authorisations',
  share_too_open: 'network share open too widely',
  device_lost_or_stolen: 'device lost or stolen',
  paper_lost_or_stolen: 'paper lost or stolen',
  accidental_publication: 'accidental publication',
  hacking_malware_phishing: 'hacking, malware or phishing',
  data_in_wrong_file: 'data in the wrong file',
  other: 'other',
};
