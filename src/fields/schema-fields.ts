/**
 * Every field of a YAML file as its JSON Schema describes it (pure): the dotted path, its type in
 * words, whether it is required, and the schema's own Dutch title and description. Used for the
 * generated reference (docs/fields.md) and `datalek fields`, so the reference never drifts from
 * the schema.
 *
 * Walked: `properties` (recursively), `items` (written as `list[]`), `$ref` into the schema's own
 * `$defs` (the property's own title and description win over the definition's). Conditional
 * branches (`allOf` / `if` / `then`) only narrow fields that are already listed, so they add no
 * fields; they are read for nothing else either.
 */

export interface SchemaField {
  /** Dotted path; list items as `name[]`, e.g. `authority.follow_ups[].kind`. */
  path: string;
  /** In Dutch words, e.g. "tekst", "ja/nee", "lijst van Tijdstip met UTC-afwijking". */
  type: string;
  required: boolean;
  title: string;
  description: string;
  /** Allowed values (enum or const), as written in YAML; [] when free. */
  values: string[];
}

type Node = Record<string, unknown>;

const PLAIN_TYPES: Record<string, string> = {
  string: 'tekst',
  integer: 'geheel getal',
  number: 'getal',
  boolean: 'ja/nee',
  object: 'groep',
  array: 'lijst',
  null: 'leeg',
};

/** "Tekst" -> "tekst", but "UTC-tijd" stays. */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

function deref(root: Node, node: Node): { node: Node; def?: Node } {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return { node };
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  const defs = root['$defs'];
  if (!m || !isNode(defs) || !isNode(defs[m[1]!])) return { node };
  const def = defs[m[1]!] as Node;
  // The property's own keywords win over those of the definition.
  const merged: Node = { ...deref(root, def).node, ...node };
  delete merged['$ref'];
  return { node: merged, def };
}

function valuesOf(node: Node): string[] {
  if (Array.isArray(node['enum'])) return (node['enum'] as unknown[]).map((v) => String(v));
  if (node['const'] !== undefined) return [String(node['const'])];
  return [];
}

function typeOf(root: Node, node: Node, def: Node | undefined): string {
  if (def && typeof def['title'] === 'string' && def['type'] !== 'object') return lowerFirst(def['title']);
  const t = node['type'];
  if (t === 'array') {
    const items = isNode(node['items']) ? deref(root, node['items']) : undefined;
    if (!items) return 'lijst';
    const inner = typeOf(root, items.node, items.def);
    return `lijst van ${inner === 'groep' ? 'groepen' : inner}`;
  }
  if (def && typeof def['title'] === 'string') return `groep (${def['title'].toLowerCase()})`;
  if (Array.isArray(t)) return t.map((x) => PLAIN_TYPES[String(x)] ?? String(x)).join(' of ');
  if (typeof t === 'string') return PLAIN_TYPES[t] ?? t;
  return 'waarde';
}

/** Every field of the schema, depth first in the schema's own order. */
export function schemaFields(schema: object): SchemaField[] {
  const root = schema as Node;
  const out: SchemaField[] = [];
  const seen = new Set<string>();
  const walkObject = (node: Node, prefix: string, depth: number): void => {
    if (depth > 12) return;
    const props = node['properties'];
    if (!isNode(props)) return;
    const required = Array.isArray(node['required']) ? (node['required'] as unknown[]).map(String) : [];
    for (const [key, rawValue] of Object.entries(props)) {
      if (!isNode(rawValue)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const { node: field, def } = deref(root, rawValue);
      if (!seen.has(path)) {
        seen.add(path);
        const items = field['type'] === 'array' && isNode(field['items']) ? deref(root, field['items']).node : undefined;
        out.push({
          path,
          type: typeOf(root, field, def),
          required: required.includes(key),
          title: typeof field['title'] === 'string' ? field['title'] : '',
          description: typeof field['description'] === 'string' ? field['description'] : '',
          values: valuesOf(field).length ? valuesOf(field) : items ? valuesOf(items) : [],
        });
      }
      walkField(field, path, depth + 1);
    }
  };
  const walkField = (field: Node, path: string, depth: number): void => {
    if (isNode(field['properties'])) walkObject(field, path, depth);
    if (field['type'] === 'array' && isNode(field['items'])) {
      const items = deref(root, field['items']).node;
      if (isNode(items['properties'])) walkObject(items, `${path}[]`, depth);
    }
  };
  walkObject(root, '', 0);
  return out;
}
