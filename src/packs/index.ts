/**
 * Template packs: the organisation's folder, the federation pack(s) it extends and the built-in
 * default, cascaded (see types.ts for the layers, merge.ts for the cascade, resolve.ts for finding
 * a template, when.ts for document conditions, lint.ts for checking templates).
 */
export * from './types.js';
export { loadPackChain, splitSpec, packSchemaObject, DEFAULT_PACK_DIR, PACK_FILE, MAX_FEDERATION_LAYERS } from './load.js';
export type { LoadPackChainOptions, PackChainResult } from './load.js';
export { mergeDocuments, missingKeys, templateProvenance, REQUIRED_DOCUMENT_KEYS, type MergeOptions } from './merge.js';
export {
  resolveTemplate,
  packVersions,
  documentsOf,
  type TemplateResolution,
  type TemplateNotFound,
  type ResolveOptions,
  type PackVersion,
} from './resolve.js';
export { checkWhen, evaluateWhen, documentApplies, whenFailure, CONDITION_ROOTS, type ConditionContext, type WhenCheck, type WhenValue } from './when.js';
export { lintPack, type LintOptions } from './lint.js';
export { satisfies, isValidRange, parseVersion, compareVersions, type Version } from './semver.js';
export { displayPath } from './where.js';
