/**
 * Pieces shared by the text and the .docx renderer: the time zone from the data, the record of
 * missing values, and turning what docxtemplater throws into our problems.
 */
import type { DXT } from 'docxtemplater';
import {
  TemplateError,
  dedupeProblems,
  placeAt,
  problemsFromDocxtemplater,
  sortProblems,
  type ProblemContext,
  type TemplateProblem,
} from './errors.js';
import { DEFAULT_ZONE, createFilters, type FilterSet } from './filters.js';

/** The data's `$zone` (IANA name), default Europe/Amsterdam; a bad one is a DL-TEMPLATE-BAD-VALUE. */
export function filtersForData(data: object, where: ProblemContext): FilterSet {
  const raw = (data as { $zone?: unknown }).$zone;
  const zone = raw === undefined || raw === null ? DEFAULT_ZONE : raw;
  try {
    if (typeof zone !== 'string') throw new TypeError('not a string');
    return createFilters({ zone });
  } catch {
    throw failWith(
      [
        {
          code: 'DL-TEMPLATE-BAD-VALUE',
          id: 'bad_zone',
          xtag: '$zone',
          explanation: `the data's $zone (${JSON.stringify(zone)}) is not a time zone; use an IANA name such as Europe/Amsterdam or Europe/Brussels`,
          templatePath: where.templatePath,
        },
      ],
      where,
    );
  }
}

/** Record a placeholder without value (docxtemplater's nullGetter); sections are left falsy. */
export function recordMissing(
  problems: TemplateProblem[],
  where: ProblemContext,
  part: DXT.Part,
  scopeManager: DXT.ScopeManager | undefined,
  partPath?: string,
): string {
  if (part.module) return ''; // {#x} / {^x} on a missing value: the section is simply false
  const path = scopeManager?.scopePath ?? [];
  const items = scopeManager?.scopePathItem ?? [];
  const inLoop = path.length
    ? ` (inside ${path.map((p, i) => `{#${p}}, item ${(items[i] ?? 0) + 1}`).join(' > ')})`
    : '';
  const problem: TemplateProblem = {
    code: 'DL-TEMPLATE-MISSING-VALUE',
    id: 'missing_value',
    xtag: part.value,
    explanation: `the data has no value for this tag (missing or empty)${inLoop}; fill it in, or write {${part.value} ?? "…"} in the template to give a fallback`,
    templatePath: where.templatePath,
  };
  if (where.incident !== undefined) problem.incident = where.incident;
  if (partPath !== undefined) problem.part = partPath;
  if (typeof part.offset === 'number') placeAt(problem, part.offset, where);
  problems.push(problem);
  return '';
}

/** Problems from a docxtemplater error; anything else is an internal fault and is rethrown. */
export function docxtemplaterProblems(error: unknown, where: ProblemContext): TemplateProblem[] {
  const problems = problemsFromDocxtemplater(error, where);
  if (problems.length === 0) throw error;
  return problems;
}

export function failWith(problems: TemplateProblem[], where: ProblemContext, cause?: unknown): TemplateError {
  const withIncident = problems.map((p) =>
    where.incident !== undefined && p.incident === undefined ? { ...p, incident: where.incident } : p,
  );
  return new TemplateError(sortProblems(dedupeProblems(withIncident)), {
    templatePath: where.templatePath,
    incident: where.incident,
    cause,
  });
}
