/** Rules about ids, files and folders: which incident is which, and whose. */
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import { closest } from '../suggest.js';
import { incidentRule, organisationRule, report, type Rule } from './types.js';

export const duplicateIncidentId: Rule = {
  name: 'duplicate-incident-id',
  description: 'Two incident files must not share an id (across all files).',
  check(ctx) {
    const byId = new Map<string, typeof ctx.incidents[number][]>();
    for (const item of ctx.incidents) {
      const id = item.data?.id;
      if (typeof id !== 'string') continue;
      byId.set(id, [...(byId.get(id) ?? []), item]);
    }
    const out: Diagnostic[] = [];
    for (const [id, items] of byId) {
      if (items.length < 2) continue;
      for (const item of items) {
        const others = items.filter((o) => o !== item).map((o) => o.file);
        out.push(report('DL-RULE-DUPLICATE-ID', item, ['id'], { id, others: others.join(', ') }));
      }
    }
    return out;
  },
};

export const unknownOrganisation = incidentRule(
  'unknown-organisation',
  'An incident must name an organisation that has templates/<org>/organisation.yaml.',
  (item, ctx) => {
    const org = item.data?.organisation;
    if (typeof org !== 'string') return [];
    // The folder name is the id incidents use (an id that differs from its folder is an error
    // of the organisation file); organisations given outside templates/ count by their id.
    const loose = ctx.organisations.filter((o) => !o.file.startsWith('templates/')).map((o) => o.data?.id);
    const known = new Set([...ctx.organisationFolders, ...loose.filter((x): x is string => typeof x === 'string')]);
    if (known.has(org)) return [];
    const guess = closest(org, [...known]);
    const list = [...known].sort();
    return [
      report('DL-RULE-UNKNOWN-ORG', item, ['organisation'], {
        org,
        suggestion: guess ? `; did you mean '${guess}'?` : '',
        known: list.length === 0 ? ' (none found yet)' : list.length <= 12 ? ` (known: ${list.join(', ')})` : '',
      }),
    ];
  },
);

export const incidentFileName = incidentRule(
  'incident-file-name',
  'The file name should be the incident id (warning).',
  (item) => {
    const id = item.data?.id;
    if (typeof id !== 'string') return [];
    const name = path.posix.basename(item.file).replace(/\.ya?ml$/i, '');
    return name === id ? [] : [report('DL-RULE-FILE-NAME', item, ['id'], { name: path.posix.basename(item.file), id })];
  },
);

export const incidentFolder = incidentRule(
  'incident-folder',
  'An incident under incidents/<folder>/ should belong to organisation <folder> (warning).',
  (item) => {
    const m = /^incidents\/([^/]+)\/[^/]+$/.exec(item.file);
    const org = item.data?.organisation;
    if (!m || typeof org !== 'string' || m[1] === org) return [];
    return [report('DL-RULE-FOLDER-ORG', item, ['organisation'], { org, folder: m[1] })];
  },
);

export const organisationFolder = organisationRule(
  'organisation-folder',
  'The organisation id must equal its folder name under templates/.',
  (item) => {
    const m = /^templates\/([^/]+)\/organisation\.ya?ml$/.exec(item.file);
    const id = item.data?.id;
    if (!m || typeof id !== 'string' || m[1] === id) return [];
    return [report('DL-RULE-ORG-FOLDER-MISMATCH', item, ['id'], { id, folder: m[1] })];
  },
);

export const duplicateOrganisationId: Rule = {
  name: 'duplicate-organisation-id',
  description: 'Two organisation files must not share an id.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const item of ctx.organisations) {
      const others = ctx.organisations.filter((o) => o !== item && o.data?.id === item.data?.id).map((o) => o.file);
      if (others.length) out.push(report('DL-RULE-DUPLICATE-ORG-ID', item, ['id'], { id: item.data.id, others: others.join(', ') }));
    }
    return out;
  },
};

/**
 * Names Windows reserves for devices, in any case and with any extension ("CON", "nul.txt",
 * "COM1", "LPT¹"): a folder or file with such a name cannot be made there (or talks to a device).
 * A trailing dot is dropped by Windows, so "2026-001." would collide with "2026-001".
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)(\.[^.]*)?$/i;

/** Why `id` cannot be a file or folder name everywhere, or undefined when it can. */
export function reservedNameProblem(id: string): string | undefined {
  const m = RESERVED.exec(id);
  if (m) {
    const device = m[1]!.toUpperCase();
    return m[2] ? `starts with ${device}, a name Windows reserves for a device` : 'is a name Windows reserves for a device';
  }
  if (id.endsWith('.')) return 'ends with a dot, which Windows drops from file names';
  return undefined;
}

export const reservedIncidentId = incidentRule(
  'reserved-incident-id',
  'An incident id must be usable as a file and folder name on every system (no CON, NUL, COM1, trailing dot).',
  (item) => {
    const id = item.data?.id;
    const why = typeof id === 'string' ? reservedNameProblem(id) : undefined;
    return why ? [report('DL-RULE-RESERVED-NAME', item, ['id'], { what: 'incident', id: id as string, why })] : [];
  },
);

export const reservedOrganisationId = organisationRule(
  'reserved-organisation-id',
  'An organisation id must be usable as a folder name on every system (no CON, NUL, COM1).',
  (item) => {
    const id = item.data?.id;
    const why = typeof id === 'string' ? reservedNameProblem(id) : undefined;
    return why ? [report('DL-RULE-RESERVED-NAME', item, ['id'], { what: 'organisation', id: id as string, why })] : [];
  },
);
