/**
 * The fields reference (pure): every field a template can use (from FIELD_DOCS, which a test
 * checks against the data the document builder produces) and every field of the incident and
 * organisation YAML files (from their JSON Schemas). `datalek fields` prints it; docs/fields.md is
 * generated from it (see markdown.ts), and a test fails when that file is out of date.
 */
import { FIELD_DOCS, type FieldDoc } from '../documents/fields.js';
import { defaultSchema } from '../validate/schemas.js';
import { schemaFields, type SchemaField } from './schema-fields.js';

/** incident: documents of scope `incident` (letters, notifications); register: scope `organisation`. */
export const FIELD_SCOPES = ['incident', 'register'] as const;
export type FieldScope = (typeof FIELD_SCOPES)[number];

export interface TemplateField {
  scope: FieldScope;
  /** Dotted path as a template writes it; list items as `list[].field` (inside `{#list}` just `field`). */
  field: string;
  /** In Dutch words: tekst, getal, ja/nee, tijdstip, groep, lijst van groepen, ... */
  type: string;
  /** The value can be empty (null): guard it with its `heeft_…` field or a section. */
  empty: boolean;
  /** One line, Dutch. */
  description: string;
}

function fromDocs(scope: FieldScope, docs: Readonly<Record<string, FieldDoc>>): TemplateField[] {
  return Object.entries(docs).map(([field, d]) => ({ scope, field, type: d.type, empty: d.leeg, description: d.omschrijving }));
}

/** Every template field of one scope, or of both, in FIELD_DOCS' order. */
export function templateFields(scope?: FieldScope): TemplateField[] {
  const scopes = scope ? [scope] : FIELD_SCOPES;
  return scopes.flatMap((s) => fromDocs(s, FIELD_DOCS[s]));
}

export const YAML_KINDS = ['incident', 'organisation'] as const;
export type YamlKind = (typeof YAML_KINDS)[number];

/** Every field of incident or organisation YAML files, from the schema datalek validates with. */
export function yamlFields(kind: YamlKind): SchemaField[] {
  return schemaFields(defaultSchema(kind));
}
