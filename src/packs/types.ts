/**
 * Template packs: the data they are made of.
 *
 * A template pack is a folder with a `pack.yaml` (schemas/pack.schema.json) and its template files.
 * Three kinds of layer stack up, the highest first:
 *
 *   organisation   templates/<org>/ : organisation.yaml, letterhead, logo, an optional pack.yaml
 *                  with overrides and extra documents, and override templates
 *   federation     the pack the organisation extends (a folder or an installed npm package),
 *                  which may extend another pack in turn (several federation layers)
 *   default        the built-in pack packs/default/ of datalek (datalek-standaard)
 *
 * The order is written once, here, as data (`LAYER_ORDER`); `loadPackChain` builds the layers in
 * this order and everything else (merging documents, resolving templates) follows
 * `chain.layers` as given: index 0 wins.
 */
import type { Position } from '../validate/yaml.js';

/** The kinds of layer, highest precedence first. */
export const LAYER_ORDER = ['organisation', 'federation', 'default'] as const;
export type LayerKind = (typeof LAYER_ORDER)[number];

export const DOCUMENT_SCOPES = ['incident', 'organisation'] as const;
export type DocumentScope = (typeof DOCUMENT_SCOPES)[number];

/** What can be produced for a document. PDF comes from the Markdown template, CSV from code. */
export const OUTPUT_FORMATS = ['docx', 'pdf', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Template files a document can have per language. */
export const TEMPLATE_FORMATS = ['docx', 'md'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** Which template an output format needs; csv needs none. */
export const TEMPLATE_FOR_OUTPUT: Readonly<Record<OutputFormat, TemplateFormat | undefined>> = {
  docx: 'docx',
  pdf: 'md',
  csv: undefined,
};

/** The language used when a document has no template in the requested language. */
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const FALLBACK_LANGUAGE = 'nl';

/** The built-in default pack's name; `extends: datalek-standaard@^1` names it explicitly. */
export const DEFAULT_PACK_NAME = 'datalek-standaard';

/** One document entry of a pack.yaml, as written (every key optional: a layer may set just one). */
export interface PackDocumentEntry {
  title?: string;
  scope?: DocumentScope;
  /** An expression over the condition context (see when.ts). Absent: always. */
  when?: string;
  formats?: OutputFormat[];
  /** Per language, per template format: a file path relative to the pack folder. */
  templates?: Record<string, Partial<Record<TemplateFormat, string>>>;
  /** true: switch off a document of a lower layer; false: switch it back on. */
  disabled?: boolean;
  /** Page orientation of the PDF: portrait (default) or landscape, e.g. for wide tables. */
  orientation?: Orientation;
}

/** A pack.yaml, as written. */
export interface PackManifest {
  name?: string;
  version?: string;
  extends?: string;
  description?: string;
  documents?: Record<string, PackDocumentEntry>;
}

export interface PackRef {
  name: string;
  /** null: an organisation folder without a versioned pack.yaml. */
  version: string | null;
}

export interface PackLayer {
  kind: LayerKind;
  pack: PackRef;
  /** Absolute path of the folder. */
  dir: string;
  /** Absolute path of its pack.yaml; null for an organisation folder without one. */
  manifestFile: string | null;
  /** The `extends` value that brought this layer in (null for the organisation layer). */
  spec: string | null;
  manifest: PackManifest;
  /** Every file in the folder (recursively, node_modules left out), relative, with forward slashes, sorted. */
  files: readonly string[];
  /** Line and column in pack.yaml of every field under `documents` and of the top-level fields, by dotted path ("documents.brief-betrokkene.when"). */
  positions: Readonly<Record<string, Position>>;
}

export interface PackChain {
  /** Absolute path of the project root; diagnostics show paths relative to it. */
  projectRoot: string;
  organisationId: string;
  /** The organisation's language: the one documents are asked for by default. */
  language: string;
  /** The layers in resolution order (LAYER_ORDER): the organisation first, the default last. */
  layers: readonly PackLayer[];
}

/** Who set one key of a merged document. */
export interface Provenance {
  layer: LayerKind;
  /** Index into chain.layers. */
  index: number;
  pack: PackRef;
}

/** A document after the cascade. */
export interface DocumentSpec {
  id: string;
  title: string;
  scope: DocumentScope;
  /** null: always (for its scope). */
  when: string | null;
  formats: OutputFormat[];
  templates: Record<string, Partial<Record<TemplateFormat, string>>>;
  disabled: boolean;
  orientation: Orientation;
  /** The layer that first defined the document (the lowest one mentioning it). */
  origin: Provenance;
  /**
   * Which layer set each key: "title", "scope", "when", "formats", "disabled", and per template
   * "templates.<language>.<format>" (templates merge per language and format; the other keys
   * are replaced whole).
   */
  provenance: Record<string, Provenance>;
}
