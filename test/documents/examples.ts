/** The bundled example offices and incidents, triaged at a fixed moment, for the document tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Incident } from '../../src/model/incident.js';
import type { Organisation } from '../../src/model/organisation.js';
import type { Outcome } from '../../src/model/outcome.js';
import { loadRiskPolicy, triage } from '../../src/triage/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NOW = new Date('2026-11-22T12:00:00+01:00');

export interface Example {
  file: string;
  incident: Incident;
  organisation: Organisation;
  outcome: Outcome;
}

export function readYaml<T>(path: string): T {
  return parse(readFileSync(path, 'utf8')) as T;
}

export function loadOrganisations(): Map<string, Organisation> {
  const out = new Map<string, Organisation>();
  for (const dir of readdirSync(join(ROOT, 'templates'), { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith('_')) continue;
    try {
      out.set(dir.name, readYaml<Organisation>(join(ROOT, 'templates', dir.name, 'organisation.yaml')));
    } catch {
      // a folder without organisation.yaml (e.g. a template pack) is not an office
    }
  }
  return out;
}

export async function loadExamples(): Promise<Example[]> {
  const policy = await loadRiskPolicy();
  const orgs = loadOrganisations();
  const out: Example[] = [];
  for (const org of [...orgs.keys()].sort()) {
    const dir = join(ROOT, 'incidents', org);
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const file = `incidents/${org}/${f}`;
      const incident = readYaml<Incident>(join(ROOT, file));
      const organisation = orgs.get(incident.organisation);
      if (!organisation) throw new Error(`${file}: unknown organisation ${incident.organisation}`);
      out.push({ file, incident, organisation, outcome: triage(incident, organisation, { file, now: NOW, policy }) });
    }
  }
  return out;
}
