/**
 * Audit packs: one zip with every document and decision about a selection of incidents, and a
 * manifest to check it against (see pack.ts for the layout, manifest.ts for verification).
 */
export { buildAuditPack, latestInstant, isoSeconds, FALLBACK_DATE, type AuditPack, type AuditPackOptions, type AuditPackResult, type AuditPackProblem, type PackedIncident } from './pack.js';
export { verifyPack, parseManifest, sha256, MANIFEST_PATH, PACK_FORMAT, PACK_FORMAT_VERSION, type Manifest, type VerifyReport, type ChangedFile, type FileDigest } from './manifest.js';
export { criteriaProblems, selectIncidents, selectionName, describeCriteria, normaliseCriteria, localDay, mayBelong, isCalendarDay, type SelectionCriteria, type Candidate } from './selection.js';
export { readZip, writeZip, dosDateTime, type ReadZipResult, type ReadEntry } from './zip.js';
export { fileHistory, gitAvailability, type Commit, type FileHistory, type HistoryState } from './history.js';
export { stableJson, sortKeys } from './json.js';
export { README_PATH, README_TEXT } from './readme.js';
