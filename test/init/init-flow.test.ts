/**
 * The newcomer's path and the federation's, end to end: `datalek init` into an empty folder,
 * validate and build there with a federation pack installed from a folder (as `npm install
 * ../federatie-1.0.0` puts it in node_modules), then an upgrade of that pack to 2.0.0 (a document
 * removed, a field renamed in a template, wording changed): `templates diff` shows it, and the
 * office's override of the removed document is reported.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cleanTemp, NOW, REPO, run, tempDir } from '../cli/helpers.js';
import { writeDocxTwins } from '../../src/render/docx-template/twins.js';
import { validateSources } from '../../src/validate/index.js';

const ORG = 'kantoor-test';
const FLAGS = [
  '--name', 'Kantoor Test B.V.',
  '--country', 'NL',
  '--sector', 'legal',
  '--kvk', '12345678',
  '--street', 'Teststraat 1',
  '--postcode', '1234ab',
  '--city', 'Utrecht',
  '--email', 'info@kantoor-test.example',
  '--phone', '030-555 0100',
  '--breach-officer', 'Sanne Test',
  '--extends', 'voorbeeld-federatie@^1.0.0',
  '--datalek-spec', '^0.1.0',
  '--yes',
];

/** A copy of the example federation pack as version `version`, published as an npm package. */
function federationPack(dir: string, version: string): string {
  cpSync(path.join(REPO, 'packs/voorbeeld-federatie'), dir, { recursive: true });
  const packYaml = path.join(dir, 'pack.yaml');
  writeFileSync(packYaml, readFileSync(packYaml, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'voorbeeld-federatie', version, files: ['*.yaml', '*.md', '*.docx'] }, null, 2));
  return dir;
}

/** `npm install <folder>`, as far as datalek can tell: the package in node_modules. */
function install(project: string, pack: string): void {
  const target = path.join(project, 'node_modules', 'voorbeeld-federatie');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(pack, target, { recursive: true });
}

describe('datalek init, then validate, build and a federation pack upgrade', () => {
  let tmp: string;
  let office: string;
  let v1: string;
  let v2: string;

  beforeAll(() => {
    tmp = tempDir('datalek-init-');
    office = path.join(tmp, 'office');
    v1 = federationPack(path.join(tmp, 'federatie-1.0.0'), '1.0.0');
    // 2.0.0: melding-verzekeraar removed; the letter reads the address in parts; other wording.
    v2 = federationPack(path.join(tmp, 'federatie-2.0.0'), '2.0.0');
    const packYaml = path.join(v2, 'pack.yaml');
    const text = readFileSync(packYaml, 'utf8');
    writeFileSync(packYaml, text.slice(0, text.indexOf('  melding-verzekeraar:')));
    rmSync(path.join(v2, 'melding-verzekeraar.md'));
    rmSync(path.join(v2, 'melding-verzekeraar.docx'));
    const letter = path.join(v2, 'brief-betrokkene.md');
    const md = readFileSync(letter, 'utf8');
    expect(md).toContain('{organisatie.adres}');
    expect(md).toContain('houden wij ons aan de gedragscode');
    writeFileSync(
      letter,
      md
        .replace('{organisatie.adres}', '{organisatie.straat}, {organisatie.postcode} {organisatie.plaats}')
        .replace('houden wij ons aan de gedragscode', 'volgen wij de gedragscode'),
    );
    writeDocxTwins(v2); // the Word version follows the Markdown, as a federation would regenerate it
  });

  afterAll(() => cleanTemp());

  it('creates the office repository from flags, without a terminal', async () => {
    const r = await run(['init', office, ...FLAGS], tmp);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of [
      'package.json',
      `templates/${ORG}/organisation.yaml`,
      `templates/${ORG}/README.md`,
      'incidents/.gitkeep',
      'schemas/incident.schema.json',
      'schemas/organisation.schema.json',
      '.gitignore',
      '.vscode/settings.json',
      '.githooks/pre-commit',
      '.github/workflows/datalek.yml',
      '.gitlab-ci.yml',
      'README.md',
    ]) {
      expect(existsSync(path.join(office, f)), f).toBe(true);
    }
    expect(r.out).toContain('is not a git repository yet');

    const pkg = JSON.parse(readFileSync(path.join(office, 'package.json'), 'utf8'));
    expect(pkg.private).toBe(true);
    expect(pkg.dependencies).toEqual({ datalek: '^0.1.0', 'voorbeeld-federatie': '^1.0.0' });
    expect(pkg.scripts.prepare).toBe('git config core.hooksPath .githooks || true');

    // The organisation file is valid as generated, with the values tidied (postcode 1234ab -> 1234 AB).
    const orgText = readFileSync(path.join(office, `templates/${ORG}/organisation.yaml`), 'utf8');
    const checked = validateSources([{ file: `templates/${ORG}/organisation.yaml`, text: orgText, kind: 'organisation' }], { now: new Date(NOW) });
    expect(checked.diagnostics).toEqual([]);
    const org = parseYaml(orgText);
    expect(org).toMatchObject({
      id: ORG,
      address: { postcode: '1234 AB', country: 'NL' },
      authority: 'AP',
      professional_secrecy: true,
      wft_financial_undertaking: false,
      extends: 'voorbeeld-federatie@^1.0.0',
      letterhead: { email: 'info@kantoor-test.example', place: 'Utrecht', signatory: { name: 'Sanne Test' } },
    });

    const hook = path.join(office, '.githooks/pre-commit');
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain('node_modules/.bin/datalek validate');
    const vscode = JSON.parse(readFileSync(path.join(office, '.vscode/settings.json'), 'utf8'));
    expect(vscode['yaml.schemas']['./schemas/incident.schema.json']).toContain('incidents/**/*.yaml');
    expect(vscode['yaml.schemas']['./schemas/organisation.schema.json']).toContain('templates/*/organisation.yaml');
    expect(readFileSync(path.join(office, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$[\s\S]*^output\/$/m);
    for (const ci of ['.github/workflows/datalek.yml', '.gitlab-ci.yml']) {
      const text = readFileSync(path.join(office, ci), 'utf8');
      const parsedCi = parseYaml(text); // valid YAML
      expect(parsedCi, ci).toBeTruthy();
      for (const step of ['node:20', 'chromium-headless-shell', 'npm ci', 'datalek validate', 'datalek build', 'output/']) expect(text, `${ci}: ${step}`).toContain(step);
    }
    // The schema copies are datalek's own, so `datalek new` and the editors agree.
    expect(readFileSync(path.join(office, 'schemas/incident.schema.json'), 'utf8')).toBe(readFileSync(path.join(REPO, 'schemas/incident.schema.json'), 'utf8'));
  });

  it('refuses to overwrite anything, and writes nothing', async () => {
    const before = readFileSync(path.join(office, 'README.md'), 'utf8');
    const r = await run(['init', office, ...FLAGS], tmp);
    expect(r.code).toBe(1);
    expect(r.err).toContain('exist already');
    expect(r.err).toContain('  package.json');
    expect(r.err).toContain('Nothing was written');
    expect(readFileSync(path.join(office, 'README.md'), 'utf8')).toBe(before);

    // One file in the way (here the organisation folder's README) is enough to refuse all of them.
    const other = path.join(tmp, 'other');
    mkdirSync(path.join(other, `templates/${ORG}`), { recursive: true });
    writeFileSync(path.join(other, `templates/${ORG}/README.md`), 'mine\n');
    const r2 = await run(['init', other, ...FLAGS], tmp);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain(`  templates/${ORG}/README.md`);
    expect(existsSync(path.join(other, 'package.json'))).toBe(false);
    expect(existsSync(path.join(other, `templates/${ORG}/organisation.yaml`))).toBe(false);
  });

  it('validates and builds in the new repository with the federation pack 1.0.0', async () => {
    install(office, v1);
    // The office's first incident (an open example, moved to this office) and its own version of
    // the federation's insurer notification, by file name.
    mkdirSync(path.join(office, `incidents/${ORG}`), { recursive: true });
    const incident = readFileSync(path.join(REPO, 'incidents/van-dam-advocaten/2026-007.yaml'), 'utf8').replace(/^organisation: .*$/m, `organisation: ${ORG}`);
    writeFileSync(path.join(office, `incidents/${ORG}/2026-007.yaml`), incident);
    writeFileSync(
      path.join(office, `templates/${ORG}/melding-verzekeraar.md`),
      readFileSync(path.join(v1, 'melding-verzekeraar.md'), 'utf8') + '\nPolisnummer van het kantoor: BA-12345.\n',
    );

    const validate = await run(['validate', '--root', office, '--now', NOW], tmp);
    expect(validate.err).toBe('');
    expect(validate.out).toContain('All valid: 1 incident and 1 organisation');
    expect(validate.code).toBe(0);

    const check = await run(['templates', 'check', '--root', office, '--now', NOW], tmp);
    expect(check.code).toBe(0);
    expect(check.out).toContain(`${ORG}: ${ORG} -> voorbeeld-federatie 1.0.0 -> datalek-standaard 1.0.0`);
    expect(check.err).not.toContain('DL-TEMPLATE-OVERRIDE-UNUSED');

    const build = await run(['build', '--root', office, '--now', NOW], tmp);
    expect(build.code).toBe(0);
    const out = path.join(office, 'output', ORG, '2026-007');
    for (const f of ['brief-betrokkene.pdf', 'brief-betrokkene.docx', 'melding-ap.pdf', 'melding-verzekeraar.pdf']) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(existsSync(path.join(office, 'output', ORG, 'register.csv'))).toBe(true);
  });

  it('upgrades the pack to 2.0.0: templates diff shows what changes, and the orphaned override is reported', async () => {
    const diff = await run(['templates', 'diff', v1, v2, '--root', office], tmp);
    expect(diff.code).toBe(0);
    const text = diff.out;
    expect(text).toContain('Template pack voorbeeld-federatie: 1.0.0 -> 2.0.0');
    expect(text).toMatch(/Documents removed \(1\):\n {2}melding-verzekeraar: Melding aan de beroepsaansprakelijkheidsverzekeraar/);
    expect(text).toMatch(/Documents changed \(1\):\n {2}brief-betrokkene: Brief aan betrokkenen/);
    expect(text).toContain('fields added: organisatie.plaats, organisatie.postcode, organisatie.straat');
    expect(text).toContain('fields removed: organisatie.adres');
    expect(text).toMatch(/- .*houden wij ons aan de gedragscode/);
    expect(text).toMatch(/\+ .*volgen wij de gedragscode/);
    expect(text).toContain('Unchanged (3): melding-ap, melding-gba, register');
    expect(text).toContain(`templates/${ORG}/melding-verzekeraar.md: 'melding-verzekeraar' was removed`);

    const json = await run(['templates', 'diff', v1, v2, '--json', '--root', office], tmp);
    const d = JSON.parse(json.out);
    expect(d.removed.map((x: { id: string }) => x.id)).toEqual(['melding-verzekeraar']);
    const letter = d.changed.find((x: { id: string }) => x.id === 'brief-betrokkene');
    expect(letter.templates.map((t: { format: string }) => t.format)).toEqual(['docx', 'md']);
    for (const t of letter.templates) {
      expect(t.fieldsRemoved).toEqual(['organisatie.adres']);
      expect(t.wording.added).toBeGreaterThan(0);
    }

    // The upgrade: the package replaced, the range not yet: validate stops at the pinned range.
    install(office, v2);
    const pinned = await run(['validate', '--root', office, '--now', NOW], tmp);
    expect(pinned.code).toBe(1);
    expect(pinned.err).toContain("asks for version ^1.0.0 of voorbeeld-federatie, but the version found is 2.0.0");
    expect(pinned.err).toContain('(error DL-PACK-VERSION-MISMATCH)');

    const orgFile = path.join(office, `templates/${ORG}/organisation.yaml`);
    writeFileSync(orgFile, readFileSync(orgFile, 'utf8').replace('voorbeeld-federatie@^1.0.0', 'voorbeeld-federatie@^2.0.0'));
    const validate = await run(['validate', '--root', office, '--now', NOW], tmp);
    expect(validate.code).toBe(0);

    // The office's version of the removed document overrides nothing any more.
    const check = await run(['templates', 'check', '--root', office, '--now', NOW], tmp);
    expect(check.code).toBe(0); // a warning
    expect(check.out).toContain(`${ORG}: ${ORG} -> voorbeeld-federatie 2.0.0 -> datalek-standaard 1.0.0`);
    expect(check.err).toContain(
      `templates/${ORG}/melding-verzekeraar.md: this template overrides nothing: no document of the packs (voorbeeld-federatie 2.0.0, datalek-standaard 1.0.0) names 'melding-verzekeraar.md' (warning DL-TEMPLATE-OVERRIDE-UNUSED)`,
    );
    expect(check.err).not.toContain('DL-TEMPLATE-FIELDS-DIFFER');
  });

  it('reports an override in the office pack.yaml of a document the new pack dropped', async () => {
    const orgDir = path.join(office, `templates/${ORG}`);
    writeFileSync(path.join(orgDir, 'pack.yaml'), 'documents:\n  melding-verzekeraar:\n    formats: [pdf]\n');
    try {
      const r = await run(['validate', '--root', office, '--now', NOW], tmp);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`templates/${ORG}/pack.yaml:2:3: documents.melding-verzekeraar: .*\\(error DL-PACK-DOCUMENT-INCOMPLETE\\)`));
    } finally {
      rmSync(path.join(orgDir, 'pack.yaml'));
    }
  });
});

describe('datalek init without the values it needs', () => {
  afterAll(() => cleanTemp());

  it('lists the missing flags and exits 2 when there is no terminal', async () => {
    const dir = tempDir('datalek-init-');
    const r = await run(['init', dir, '--name', 'Kantoor X', '--yes'], dir);
    expect(r.code).toBe(2);
    for (const flag of ['--country', '--sector', '--kvk', '--street', '--postcode', '--city', '--email', '--phone', '--breach-officer']) expect(r.err).toContain(flag);
    expect(r.err).not.toMatch(/^\s+--name /m);
    expect(r.err).not.toMatch(/^\s+--org /m); // derived from the name
  });

  it('points git at the hook folder when the folder is a git repository', async () => {
    const dir = tempDir('datalek-init-git-');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = await run(['init', '.', ...FLAGS], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('core.hooksPath is set');
    expect(execFileSync('git', ['config', 'core.hooksPath'], { cwd: dir, encoding: 'utf8' }).trim()).toBe('.githooks');
  });

  it('refuses values that cannot be used, naming the flag', async () => {
    const dir = tempDir('datalek-init-');
    const flags = FLAGS.map((f) => (f === '12345678' ? '1234' : f === 'NL' ? 'DE' : f));
    const r = await run(['init', dir, ...flags], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--country: NL or BE (got "DE")');
    expect(existsSync(path.join(dir, 'package.json'))).toBe(false);
  });
});
