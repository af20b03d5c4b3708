/**
 * The catalogue of user-facing problems. Every Diagnostic the tool produces carries one of these
 * codes; the code, its severity and its meaning stay stable across versions (tests, CI scripts and
 * users' notes refer to them). Messages say what happened; hints say what to do.
 *
 * Templates use `{name}` placeholders, filled by `makeDiagnostic`. A placeholder without a value
 * is left out (so optional fragments such as `{suggestion}` can be passed as '').
 */
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { hasQuotes, redact, reveal } from './redact.js';

export interface CatalogueEntry {
  severity: Severity;
  /** Short title, for documentation and `--json` consumers. */
  title: string;
  /** What happened, with `{placeholders}`. Printed after `file:line:column: field:`. */
  message: string;
  /** What to do, with `{placeholders}`. */
  hint?: string;
}

const e = (title: string, message: string, hint?: string): CatalogueEntry =>
  hint === undefined ? { severity: 'error', title, message } : { severity: 'error', title, message, hint };
const w = (title: string, message: string, hint?: string): CatalogueEntry =>
  hint === undefined ? { severity: 'warning', title, message } : { severity: 'warning', title, message, hint };

export const CATALOGUE = {
  // ---- Reading files (src/load) -------------------------------------------------------------
  'DL-LOAD-NOT-FOUND': e('Path not found', 'no file or folder at this path', 'Check the spelling of the path; paths on the command line are taken relative to the current folder, --root only chooses the project folder.'),
  'DL-LOAD-UNREADABLE': e('File cannot be read', 'the file cannot be read: {reason}', 'Check that the file exists and that you may read it.'),
  'DL-LOAD-TOO-LARGE': e(
    'File too large',
    'the file is {size}, more than the {limit} an incident or organisation file may be; it was not read',
    'An incident file holds text only. Put attachments (screenshots, exports) elsewhere and refer to them.',
  ),
  'DL-LOAD-ENCODING': e(
    'Not UTF-8 text',
    'the file is not valid UTF-8 text{detail}',
    'Save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8).',
  ),
  'DL-LOAD-NOT-YAML': w('Not a YAML file', 'skipped: only .yaml and .yml files are checked', 'Give the path of an incident (.yaml) or of a folder.'),
  'DL-LOAD-NO-FILES': w('Nothing to check', 'no incident or organisation files found{where}', 'Incidents live in incidents/<organisation>/<id>.yaml and organisations in templates/<organisation>/organisation.yaml.'),

  // ---- YAML ---------------------------------------------------------------------------------
  'DL-YAML-SYNTAX': e('YAML syntax error', '{detail}', '{hint}'),
  'DL-YAML-EMPTY': e(
    'Empty file',
    'the file is empty (it holds no fields)',
    'Fill in the fields, or start from `datalek new`; delete the file if it is not needed.',
  ),
  'DL-YAML-NOT-A-MAPPING': e(
    'Not a set of fields',
    'the file must hold fields (lines like `id: 2026-001`), but it holds {found}',
    'Start each top-level field at the beginning of a line, as `name: value`.',
  ),
  'DL-YAML-DUPLICATE-KEY': e(
    'Field given twice',
    "the field '{key}' appears more than once here",
    'Keep one of them; YAML does not allow the same field twice in one group.',
  ),
  'DL-YAML-MULTIPLE-DOCUMENTS': e(
    'More than one document',
    'the file holds more than one YAML document (separated by ---)',
    'Keep one incident per file; put the other in a file of its own.',
  ),
  'DL-YAML-ALIAS-LIMIT': e(
    'Too many aliases',
    'the file uses YAML aliases (*name) so often that reading it would take too much memory; it was not read',
    'Write the values out instead of repeating them with anchors (&) and aliases (*).',
  ),
  'DL-YAML-COMPLEX-KEY': e(
    'Field name is not text',
    'a field name must be plain text, not a list or a group',
    'Write the field name as a single word followed by a colon, e.g. `facts: ...`.',
  ),
  'DL-YAML-AMBIGUOUS-NUMBER': e(
    'Number with a thousands separator',
    "'{written}' is read as the number {value}: in YAML a dot is a decimal point, while in Dutch and Belgian writing it separates thousands",
    'Write {meant} without dots if you meant that many; write {value} if you meant {value}.',
  ),
  'DL-YAML-CONTROL-CHARACTER': e(
    'Invisible control character in text',
    'the text holds {what} at character {index}; it cannot appear in a letter or a Word document',
    'Remove it (most editors do not show it; it often comes along when text is copied from another program or an e-mail).',
  ),
  'DL-YAML-TAG': w('Unknown YAML tag', 'the tag {tag} is not known; the value is read as plain text', 'Remove the tag (the part starting with !).'),
  'DL-YAML-WARNING': w('YAML warning', '{detail}'),
  'DL-YAML-SCHEMA-COMMENT': w(
    'Schema comment points elsewhere',
    "the first-line comment points editors at '{found}', but this file's schema is '{expected}'",
    'Make the first line `# yaml-language-server: $schema={expected}` so your editor checks the file as you type.',
  ),

  // ---- JSON Schema --------------------------------------------------------------------------
  'DL-SCHEMA-TYPE': e('Wrong kind of value', 'must be {expected}; found {found}', '{hint}'),
  'DL-SCHEMA-ENUM': e('Value not in the list', 'must be one of: {allowed}; found {found}{suggestion}', 'Write one of the listed values exactly as shown.'),
  'DL-SCHEMA-CONST': e('Value not allowed', 'must be {expected}; found {found}'),
  'DL-SCHEMA-FORMAT': e('Badly written value', 'must be {expected}; found {found}{detail}', '{hint}'),
  'DL-SCHEMA-PATTERN': e('Value in the wrong form', 'is not in the expected form{example}; found {found}', '{hint}'),
  'DL-SCHEMA-RANGE': e('Number out of range', 'must be {expected}; found {found}'),
  'DL-SCHEMA-LENGTH': e('Text too short or too long', '{detail}', '{hint}'),
  'DL-SCHEMA-ITEMS': e('Wrong number of items', '{detail}', '{hint}'),
  'DL-SCHEMA-UNIQUE': e('Item listed twice', 'lists {item} twice (also at {other})', 'Remove the repeated item.'),
  'DL-SCHEMA-REQUIRED': e('Required field missing', 'is required but missing{title}', '{hint}'),
  'DL-SCHEMA-UNKNOWN-FIELD': e('Unknown field', "is not a known field{suggestion}", '{hint}'),
  'DL-SCHEMA-DEPENDENT': e('Field needs another field', 'is required when {property} is given', 'Add {missing}, or remove {property}.'),
  'DL-SCHEMA-NOT-ALLOWED': e('Combination not allowed', '{detail}', '{hint}'),
  'DL-SCHEMA-ALTERNATIVES': e('Matches none of the allowed forms', '{detail}', '{hint}'),
  'DL-SCHEMA-OTHER': e('Schema check failed', '{detail}'),
  'DL-SCHEMA-TOO-MANY-PROBLEMS': e(
    'Too many problems in one file',
    '{count} more problems in this file are not shown',
    'Fix the problems shown first; perhaps the file is not an incident or organisation file at all.',
  ),

  // ---- Rules across fields and files (src/validate/rules) -----------------------------------
  'DL-RULE-DUPLICATE-ID': e(
    'Incident id used twice',
    "the incident id '{id}' is also used in {others}",
    'Every incident needs an id of its own: give one of them the next free number (and rename its file to match).',
  ),
  'DL-RULE-UNKNOWN-ORG': e(
    'Unknown organisation',
    "no organisation '{org}' is known{suggestion}",
    'Use the name of a folder under templates/ that holds an organisation.yaml{known}.',
  ),
  'DL-RULE-RESERVED-NAME': e(
    'Id that cannot be a file or folder name',
    "the {what} id '{id}' {why}, so it cannot be used as a file or folder name on every computer",
    'Choose another id; ids become file and folder names (output/<organisation>/<incident>/), also on Windows.',
  ),
  'DL-RULE-FILE-NAME': w(
    'File name does not match the id',
    "the file is called '{name}' but the incident id is '{id}'",
    'Rename the file to {id}.yaml so the incident is easy to find.',
  ),
  'DL-RULE-FOLDER-ORG': w(
    'Incident in another organisation\'s folder',
    "the incident belongs to '{org}' but lies in the folder of '{folder}'",
    'Move the file to incidents/{org}/, or correct the organisation.',
  ),
  'DL-RULE-AWARE-BEFORE-START': e(
    'Awareness before the breach started',
    'the moment of awareness ({aware}) lies before the start of the breach ({start})',
    'Check both moments: you cannot become aware of a breach before it began.',
  ),
  'DL-RULE-DISCOVERED-BEFORE-START': e(
    'Discovered before the breach started',
    'the moment of discovery ({discovered}) lies before the start of the breach ({start})',
    'Check both moments: a breach cannot be discovered before it began.',
  ),
  'DL-RULE-AWARE-BEFORE-DISCOVERY': e(
    'Awareness before discovery',
    'the moment of awareness ({aware}) lies before the moment of discovery ({discovered})',
    'Awareness (reasonable certainty that personal data were affected) follows discovery, possibly after a short investigation. Correct one of the two moments.',
  ),
  'DL-RULE-LONG-INVESTIGATION': w(
    'Long time between discovery and awareness',
    'awareness ({aware}) came {hours} hours after discovery ({discovered})',
    'Only a short investigation may pass before the 72 hours start. Explain the delay in what.discovery, or move aware_at closer to discovered_at.',
  ),
  'DL-RULE-ENDED-BEFORE-START': e(
    'Breach ended before it started',
    'the breach ended ({ended}) before it started ({start})',
    'Swap or correct the two moments.',
  ),
  'DL-RULE-ENDED-WHILE-ONGOING': e(
    'Ended and ongoing at once',
    'the breach has an end ({ended}) but is also marked as ongoing',
    'Remove `ongoing: true` if the breach has ended, or remove ended_at if it is still going on.',
  ),
  'DL-RULE-CLOSED-WHILE-ONGOING': e(
    'Closed while the breach is ongoing',
    'the incident is closed ({closed}) but the breach is marked as still ongoing',
    'Record when the breach ended (ended_at) before closing the incident, or remove closed_at.',
  ),
  'DL-RULE-CLOSED-BEFORE-AWARE': e(
    'Closed before awareness',
    'the incident was closed ({closed}) before the moment of awareness ({aware})',
    'Correct closed_at or aware_at.',
  ),
  'DL-RULE-NOTIFIED-BEFORE-AWARE': e(
    'Notified before being aware',
    'the authority was notified ({notified}) before the {moment} ({at})',
    'Notifying shows you were aware by then at the latest: move {field} to or before {notified}.',
  ),
  'DL-RULE-LATE-WITHOUT-REASONS': e(
    'Late notification without reasons',
    'the authority was notified {hours} hours after awareness, more than 72 hours, and no reasons for the delay are given',
    'Add authority.late_reasons: a notification after 72 hours must state why it is late (GDPR art. 33(1)).',
  ),
  'DL-RULE-LATE-REASONS-WEAK': w(
    'Reasons for lateness not accepted in practice',
    'the reasons for the late notification only mention {found}',
    'Weekends, holidays and workload do not count: the 72 hours run continuously. State the real reason (e.g. what still had to be investigated).',
  ),
  'DL-RULE-NOTIFICATION-OVERDUE': w(
    'Notification overdue',
    'the risk was assessed as {level} but the authority has not been notified, and the 72 hours ended at {deadline}',
    'Notify the authority now and record notified_at and late_reasons; or, if notifying is not needed, set not_notified_reason.',
  ),
  'DL-RULE-FOLLOW-UP-BEFORE-NOTIFICATION': e(
    'Follow-up before the initial notification',
    'this follow-up ({at}) is dated before the initial notification ({notified})',
    'A follow-up (vervolgmelding) supplements, corrects or withdraws an earlier notification: correct the dates.',
  ),
  'DL-RULE-FOLLOW-UP-WITHOUT-NOTIFICATION': e(
    'Follow-up without an initial notification',
    'a follow-up is recorded but authority.notified_at is missing',
    'Record when the initial notification was made (authority.notified_at) and its reference.',
  ),
  'DL-RULE-NOTIFIED-WITH-NOT-NOTIFIED-REASON': w(
    'Both notified and a reason for not notifying',
    'a reason for not notifying is given, but the authority was notified ({notified})',
    'Remove not_notified_reason, or remove notified_at if the authority was not notified.',
  ),
  'DL-RULE-REFERENCE-WITHOUT-NOTIFICATION': w(
    'Reference without a notification',
    'an authority reference is given but no notified_at',
    'Record when the notification was made (authority.notified_at).',
  ),
  'DL-RULE-EXEMPTION-WITHOUT-GROUNDS': e(
    'Exemption without grounds',
    "the exemption '{ground}' is claimed without saying why it applies",
    'Explain in communication.exemption.grounds why the exemption applies; the authority may ask for it.',
  ),
  'DL-RULE-EFFORT-WITHOUT-PUBLIC-COMMUNICATION': e(
    'Disproportionate effort without a public communication',
    'informing people individually is skipped for disproportionate effort, but no public communication is described',
    'Describe the public communication or equally effective measure in communication.exemption.public_communication (GDPR art. 34(3)(c)).',
  ),
  'DL-RULE-ENCRYPTION-EXEMPTION-UNFOUNDED': e(
    'Encryption exemption not supported by the facts',
    'the encryption exemption is claimed, but {reason}',
    'The exemption of art. 34(3)(a) needs data made unintelligible by state-of-the-art encryption with the key kept safe. Correct protection, or choose another course.',
  ),
  'DL-RULE-HIGH-RISK-NOT-COMMUNICATED': e(
    'High risk, people not informed',
    'the risk was assessed as high, but the people affected have not been informed, informing is not planned and no exemption is recorded',
    'Inform the people affected without undue delay (GDPR art. 34) and record communication.informed_at, or set communication.planned: true, or record an exemption with its grounds.',
  ),
  'DL-RULE-INFORMED-AND-EXEMPTED': w(
    'Informed and exempted at once',
    'people were informed ({informed}) and an exemption from informing is claimed as well',
    'Remove the exemption if the people were informed, or informed_at if they were not.',
  ),
  'DL-RULE-INFORMED-AND-PLANNED': w(
    'Informed but still marked as planned',
    'people were informed ({informed}) but informing is still marked as planned',
    'Remove `planned: true` now that the people have been informed.',
  ),
  'DL-RULE-INFORMED-BEFORE-AWARE': e(
    'People informed before awareness',
    'people were informed ({informed}) before the moment of awareness ({aware})',
    'Informing people shows you were aware by then at the latest: correct informed_at or aware_at.',
  ),
  'DL-RULE-RISK-NOT-ASSESSED': w(
    'Risk not yet assessed by a person',
    'no person has assessed the risk yet; the triage shows a suggestion only',
    'Have the person responsible fill in risk_assessment (level, assessed_by, assessed_at, rationale).',
  ),
  'DL-RULE-ASSESSED-BEFORE-DISCOVERY': e(
    'Risk assessed before discovery',
    'the risk was assessed ({assessed}) before the incident was discovered ({discovered})',
    'Correct risk_assessment.assessed_at or timeline.discovered_at.',
  ),
  'DL-RULE-BEFORE-DISCOVERY': w(
    'Event before discovery',
    '{event} ({at}) lies before the discovery of the incident ({discovered})',
    'Check both moments.',
  ),
  'DL-RULE-COUNT-RANGE': e(
    'Minimum larger than maximum',
    'the minimum number of people ({min}) is larger than the maximum ({max})',
    'Swap count_min and count_max.',
  ),
  'DL-RULE-COUNT-OUTSIDE-RANGE': e(
    'Number outside the range',
    'the number of people ({count}) lies outside the range given ({min} to {max})',
    'Give either the exact count, or a minimum and a maximum that include it.',
  ),
  'DL-RULE-INFORMED-COUNT-EXCEEDS': w(
    'More people informed than affected',
    '{informed} people were informed, more than the {affected} affected',
    'Check communication.count and the number of people affected (data_subjects).',
  ),
  'DL-RULE-FUTURE-INSTANT': e(
    'Moment in the future',
    '{value} lies in the future (now: {now})',
    'Record only what has happened; check the date and its UTC offset.',
  ),
  'DL-RULE-CLOSED-OPEN-STEPS': w(
    'Closed with open checklist steps',
    'the incident is closed but these checklist steps have no done_at: {steps}',
    'Record when each step was done, or reopen the incident (remove closed_at).',
  ),
  'DL-RULE-STEP-BEFORE-AWARE': w(
    'Checklist step done before awareness',
    "the step '{step}' is marked done ({done}) before the moment of {moment} ({at})",
    'Check the date of the step and timeline.{field}.',
  ),
  'DL-RULE-NO-PERSONAL-DATA-DETAILS': w(
    'No personal data, yet details given',
    'personal_data.involved is false, but {details} are listed',
    'If personal data were involved, set involved: true; otherwise remove the details.',
  ),
  'DL-RULE-NATURE-DETAIL-MISSING': w(
    'Detail for the nature of the breach missing',
    'the breach affects {nature}, but {field} is not given; the suggested risk assumes the worst',
    'Fill in {field}.',
  ),
  'DL-RULE-NATURE-DETAIL-UNUSED': w(
    'Detail does not match the nature of the breach',
    '{field} is given, but the nature of the breach does not include {nature}',
    'Add {nature} to what.nature, or remove {field}.',
  ),
  'DL-RULE-DELETION-NOT-RECORDED': w(
    'Deletion confirmed but not recorded',
    'the deletion is confirmed in writing, but deleted_by_recipient is not true',
    'Set containment.deleted_by_recipient: true, or correct the confirmation.',
  ),
  'DL-RULE-POLICE-DETAILS-NOT-FILED': w(
    'Police details without a report',
    'a date or reference of a police report is given, but filed is false',
    'Set police_report.filed: true, or remove the date and reference.',
  ),
  'DL-RULE-ORG-FOLDER-MISMATCH': e(
    'Organisation id does not match its folder',
    "the organisation id is '{id}' but the file lies in templates/{folder}/",
    'The folder name is the organisation id that incidents use: make them the same.',
  ),
  'DL-RULE-DUPLICATE-ORG-ID': e(
    'Organisation id used twice',
    "the organisation id '{id}' is also used in {others}",
    'Give each organisation its own id, equal to its folder name.',
  ),
  'DL-RULE-WFT-BELGIUM': e(
    'Wft exemption claimed for a Belgian office',
    "the exemption 'financial_undertaking' is claimed, but organisation '{org}' is Belgian",
    'The exemption comes from the Dutch UAVG (art. 42) and applies to Dutch Wft financial undertakings only. Inform the people affected, or use another exemption with its grounds.',
  ),
  'DL-RULE-WFT-NOT-FINANCIAL': e(
    'Wft exemption claimed by an office that is not a financial undertaking',
    "the exemption 'financial_undertaking' is claimed, but organisation '{org}' is not a financial undertaking under the Wft",
    'Set wft_financial_undertaking: true in the organisation file if the office is one (e.g. an insurance intermediary); otherwise inform the people affected.',
  ),
  'DL-RULE-WFT-OUTSIDE-NL': e(
    'Wft undertaking outside the Netherlands',
    'wft_financial_undertaking is true, but the office is in {country}',
    'The Wft is Dutch law: set wft_financial_undertaking: false for an office outside the Netherlands.',
  ),
  'DL-RULE-AUTHORITY-COUNTRY': w(
    'Authority does not fit the country',
    "the authority {authority} does not supervise offices in {country}",
    'Usually an office in the Netherlands reports to the AP and one in Belgium to the GBA; remove authority to use the default.',
  ),
  'DL-RULE-ADDRESS-COUNTRY': w(
    'Address in another country',
    'the address is in {address} but the organisation is set to {country}',
    'Check country and address.country.',
  ),
  'DL-RULE-CHAMBER-NUMBER': w(
    'Chamber of commerce number looks wrong',
    "'{value}' does not look like {expected}",
    'Copy the number from the register extract.',
  ),
  'DL-RULE-TIME-ZONE': e('Unknown time zone', "'{zone}' is not a known time zone", 'Use an IANA name such as Europe/Amsterdam or Europe/Brussels.'),
  'DL-RULE-LANGUAGE-AUTHORITY': w(
    'Language not accepted by the authority',
    'the documents are in {language}, but the GBA accepts notifications in Dutch, French or German only',
    'Set language to nl, fr or de.',
  ),
  'DL-RULE-PLACEHOLDER': w(
    'Text still to be filled in',
    "not filled in yet: it still holds the marker '{marker}'",
    "Replace '{marker}' and the text after it with the real information (`datalek new` put the marker where only a person can fill in).",
  ),

  // ---- Faults of the tool itself ------------------------------------------------------------
  'DL-INTERNAL-RULE': e(
    'A check failed',
    "the check '{rule}' failed on this file: {reason}",
    'This is a fault in datalek, not in your file. Please report it with the file (anonymised).',
  ),

  // ==== Template packs (src/packs) ==== block owned by the template-pack module ===============
  'DL-PACK-NOT-FOUND': e(
    'Template pack not found',
    "the template pack '{spec}' cannot be found; tried: {tried}",
    'Give a folder path (relative to the organisation folder or the project folder) that holds a pack.yaml, or the name of an npm package installed in the project (npm install <name>).',
  ),
  'DL-PACK-NO-MANIFEST': e(
    'Folder is not a template pack',
    "the folder {dir} (from '{spec}') has no pack.yaml",
    'A template pack is a folder with a pack.yaml that lists its documents; check the path, or add the pack.yaml.',
  ),
  'DL-PACK-INVALID': e(
    'Template pack cannot be used',
    "the template pack {pack} ({layer}) cannot be used: its pack.yaml has {count} problem(s), reported with their own line and column",
    'Fix the problems in this pack.yaml; if the pack comes from your federation, tell them and use an earlier version meanwhile.',
  ),
  'DL-PACK-UNVERSIONED': e(
    'Template pack without name or version',
    'a federation template pack needs {missing} in its pack.yaml',
    'Add `name:` and `version:` (e.g. 1.0.0) at the top of pack.yaml, so offices and audit packs can tell which version was used.',
  ),
  'DL-PACK-CYCLE': e(
    'Template packs extend each other in a circle',
    'the template packs extend each other in a circle: {cycle}',
    'Remove the `extends` that points back to a pack already in the chain.',
  ),
  'DL-PACK-TOO-DEEP': e(
    'Too many template packs on top of each other',
    'more than {limit} template packs extend each other: {chain}',
    'Flatten the chain: let the federation pack extend the standard pack directly.',
  ),
  'DL-PACK-VERSION-MISMATCH': e(
    'Template pack version does not match',
    "'{spec}' asks for version {range} of {name}, but the version found is {version} ({where})",
    'Install a version in that range (npm install {name}@"{range}"), or change the range after checking what changed in the pack.',
  ),
  'DL-PACK-BAD-RANGE': e(
    'Version range not understood',
    "'{range}' in '{spec}' is not a version range",
    'Write a version (2.1.0) or a range such as ^2.1.0, ~2.1.0 or >=2.1.0 after the @.',
  ),
  'DL-PACK-VERSION-DIFFERS': w(
    'Pack version differs from its package version',
    'pack.yaml says version {packVersion} but the installed package {name} is version {packageVersion}',
    'The federation should give pack.yaml the same version as its package.json.',
  ),
  'DL-PACK-EXTENDS-CONFLICT': e(
    'Two different base packs',
    "organisation.yaml extends '{fromOrganisation}' but pack.yaml in the same folder extends '{fromPack}'",
    'Name the base pack in one place only: organisation.yaml (extends) is the usual one.',
  ),
  'DL-PACK-DOCUMENT-INCOMPLETE': e(
    'Document incomplete',
    "the document '{id}' lacks {missing}: no layer of the template packs gives it{suggestion}",
    'A new document needs title, scope, formats and templates; to change a document of another pack, use its exact id.',
  ),
  'DL-PACK-WHEN-SYNTAX': e(
    'Condition cannot be read',
    "the condition (when) of '{id}' cannot be read: {detail}",
    'Write an expression such as `triage.notifyDataSubjects or incident.communication.letter_requested`; words and, or, not and == are allowed, function calls are not.',
  ),
  'DL-PACK-WHEN-UNKNOWN-FIELD': w(
    'Condition reads an unknown field',
    "the condition (when) of '{id}' reads '{path}', which is not in the condition data{suggestion}",
    'A condition reads triage.* (the triage outcome), incident.* (the incident file) or organisation.*; an unknown name is always empty, so the document would never (or always) be made.',
  ),
  'DL-PACK-WHEN-FAILED': e(
    'Condition failed',
    "the condition (when) of '{id}' could not be evaluated: {detail}",
    'Check the condition in pack.yaml.',
  ),
  'DL-PACK-FORMAT-WITHOUT-TEMPLATE': e(
    'Format without a template',
    "the document '{id}' is made as {format}, but has no {template} template (for {languages})",
    'Add templates.nl.{template} for this document, or remove {format} from its formats.',
  ),
  'DL-PACK-LANGUAGE-FALLBACK': w(
    'No template in the office language',
    "the document '{id}' has no {format} template in {language}; the Dutch one is used",
    'Add templates.{language}.{format} to pack.yaml if the document should be in {language}.',
  ),
  'DL-TEMPLATE-NOT-FOUND': e(
    'Template file not found',
    "no {format} template for '{id}' ({language}); tried: {tried}",
    'Add the file, or correct its path under templates in pack.yaml (paths are relative to the folder of that pack.yaml).',
  ),
  'DL-TEMPLATE-ENCODING': e(
    'Template not UTF-8',
    'the Markdown template is not valid UTF-8 text{detail}',
    'Save the template as UTF-8 (in most editors: "Save with encoding" > UTF-8); otherwise its accented letters would come out garbled in every document.',
  ),
  'DL-TEMPLATE-UNKNOWN-FIELD': e(
    'Unknown field in a template',
    "the tag {tag} reads '{path}', which the document data does not have{suggestion}",
    'Correct the name; the fields a template can use are listed in the documentation of the document data.',
  ),
  'DL-TEMPLATE-FIELDS-DIFFER': w(
    'Word and Markdown versions use different fields',
    "the Word ({docx}) and Markdown ({md}) templates of '{id}' ({language}) use different fields: {difference}",
    'Both versions should say the same; add the missing fields to the other version, or remove them.',
  ),
  'DL-TEMPLATE-OVERRIDE-UNUSED': w(
    'Office template no longer used',
    'this template is not used: {reason}',
    'Delete the file if the document is no longer wanted, or rename it to the template the pack now uses.',
  ),
  // ==== end of template packs ==================================================================
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export const DIAGNOSTIC_CODES = Object.keys(CATALOGUE) as DiagnosticCode[];

/** Where a diagnostic points; line and column 0 mean the whole file. */
export interface Where {
  file: string;
  line?: number;
  column?: number;
  field?: string;
}

export type Params = Record<string, string | number | undefined>;

/** Fill `{name}` placeholders; unknown or undefined names become ''. */
export function fill(template: string, params: Params): string {
  return template.replace(/\{([a-zA-Z_]+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? '' : String(v);
  });
}

/**
 * Build a Diagnostic from the catalogue: severity, message and hint all come from the entry.
 * Params that quote the file's content are wrapped with `quoted()` (src/diagnostics/redact.ts);
 * the diagnostic then also carries the texts without them (`redacted`).
 */
export function makeDiagnostic(code: DiagnosticCode, where: Where, params: Params = {}): Diagnostic {
  const entry: CatalogueEntry = CATALOGUE[code];
  const message = fill(entry.message, params).trim();
  const hint = entry.hint === undefined ? '' : fill(entry.hint, params).trim();
  const d: Diagnostic = {
    code,
    severity: entry.severity,
    file: where.file,
    line: where.line ?? 0,
    column: where.column ?? 0,
    field: where.field ?? '',
    message: reveal(message),
  };
  if (hint) d.hint = reveal(hint);
  if (hasQuotes(message) || hasQuotes(hint)) {
    d.redacted = hint ? { message: redact(message), hint: redact(hint) } : { message: redact(message) };
  }
  return d;
}
