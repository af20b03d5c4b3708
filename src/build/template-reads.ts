/**
 * Which top-level fields of a document's data a template reads (pure), so that a document's key
 * in the build cache covers only those (see render-document.ts).
 *
 * Why this is safe. A template reaches data only through its tags, and listTags reports every
 * path each tag reads (sections, conditions and filter arguments included, at any depth). Inside
 * a section a name may resolve on the section's item or on an outer scope, up to the top: so the
 * first name of every path anywhere counts as a top-level field. `{.}` and `this` print or test
 * the current item: the top-level data itself can only be tested (it is always there) or fail to
 * print (it is not text), and no filter reads the fields of an object. What cannot be told is a
 * field chosen by a value (`{this[veld]}`): then, and when the template does not compile, the
 * answer is null and the document's key covers all of its data.
 */
import { listTags, type TemplateTag } from '../render/template/tags.js';

/** A computed lookup on the current scope: which field it reads depends on the data. */
const COMPUTED_ON_SCOPE = /\bthis\s*\[/;

function opaque(tags: readonly TemplateTag[]): boolean {
  return tags.some((t) => COMPUTED_ON_SCOPE.test(t.tag) || (t.children !== undefined && opaque(t.children)));
}

/** The top-level fields the template's tags read, or null when that cannot be told. */
export function templateReads(template: string | Uint8Array, kind: 'docx' | 'text'): ReadonlySet<string> | null {
  let tags;
  try {
    tags = listTags(template, kind);
  } catch {
    return null;
  }
  if (tags.problems.length > 0 || opaque(tags.tags)) return null;
  return new Set(tags.fields.map((p) => p.split(/[.[]/, 1)[0]!));
}
