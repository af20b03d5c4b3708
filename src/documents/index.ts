/** Building the data handed to document templates, and the register as CSV. Pure. */
export {
  incidentDocumentData,
  registerDocumentData,
  type IncidentDocumentData,
  type IncidentDocumentInput,
  type IncidentFeitenData,
  type RegisterDocumentData,
  type RegisterDocumentInput,
  type DocumentLanguage,
} from './data.js';
export { registerCsv, registerCsvHeaders, registerCsvRows, csvCell, CSV_SEPARATOR } from './csv.js';
export { FIELD_DOCS, type FieldDoc, type FieldType } from './fields.js';
export { LABELS_NL } from './labels-nl.js';
export { LABELS_FR } from './labels-fr.js';
export { LABELLED_LISTS, type Labels } from './labels.js';
