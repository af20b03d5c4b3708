/**
 * What the schema engine (schema.ts) and the precompiled validators (precompile.ts) must agree on.
 */

/** Keywords editors understand (yaml-language-server, VS Code) that ajv's strict mode would reject. */
export const EDITOR_KEYWORDS: readonly string[] = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'enumDescriptions',
  'deprecationMessage',
  'errorMessage',
  'doNotSuggest',
  'suggestSortText',
  'defaultSnippets',
  'patternErrorMessage',
];
