/**
 * The files of a new office repository (pure): `datalek init` writes exactly these, and nothing
 * when any of them exists already.
 *
 *   package.json                      private; datalek (and the federation pack, when it is an npm
 *                                     package) as dependencies; scripts; "prepare" points git at
 *                                     .githooks/
 *   templates/<org>/organisation.yaml the office, valid against the schema, with its letterhead
 *   templates/<org>/README.md         how to override templates
 *   incidents/.gitkeep
 *   schemas/*.schema.json             copies of datalek's schemas: the `yaml-language-server`
 *                                     line at the top of each YAML file (`../../schemas/...`, as
 *                                     `datalek new` writes it) and .vscode/settings.json point here,
 *                                     so editors work before `npm install`; `npm run update-schemas`
 *                                     refreshes them after an upgrade of datalek
 *   .gitignore                        node_modules/, output/, caches and temporary files
 *   .vscode/settings.json             yaml.schemas for incidents and organisation files
 *   .vscode/extensions.json           recommends the YAML extension
 *   .githooks/pre-commit              runs `datalek validate` (executable)
 *   .github/workflows/datalek.yml     GitHub Actions: validate, build, keep output/ as artifact
 *   .gitlab-ci.yml                    the same for GitLab CI
 *   README.md                         for the office, in English like the tool's docs
 */
import type { InitValues } from './questions.js';

export interface OfficeFile {
  text: string;
  /** File mode, e.g. 0o755 for the hook; default 0o644. */
  mode?: number;
}

export interface DocumentInfo {
  id: string;
  title: string;
  /** Template file names, per language and format. */
  templates: Record<string, Partial<Record<'md' | 'docx', string>>>;
  /** The pack the document comes from, "datalek-standaard 1.0.0". */
  from: string;
}

export interface OfficeInput {
  values: InitValues;
  /** The `datalek` dependency: "file:/path/to/datalek" or a version range. */
  datalekSpec: string;
  /** npm dependency of the federation pack, when `extends` names an npm package. */
  packDependency?: { name: string; range: string };
  /** The contents of datalek's schemas, by file name (incident.schema.json, ...). */
  schemas: Record<string, string>;
  /** The documents an office gets (for the README of templates/<org>/). */
  documents: DocumentInfo[];
  /** The packs those documents come from, highest first, "voorbeeld-federatie 2.1.0". */
  packs: string[];
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML and escapes everything. */
const q = (s: string): string => JSON.stringify(s);

const AUTHORITY: Record<'NL' | 'BE', { code: string; zone: string; name: string }> = {
  NL: { code: 'AP', zone: 'Europe/Amsterdam', name: 'Autoriteit Persoonsgegevens' },
  BE: { code: 'GBA', zone: 'Europe/Brussels', name: 'Gegevensbeschermingsautoriteit' },
};

export function organisationYaml(v: InitValues): string {
  const a = AUTHORITY[v.country];
  const lines = [
    '# yaml-language-server: $schema=../../schemas/organisation.schema.json',
    '# Het kantoor: naam, adres, toezichthouder, contactpersonen en briefhoofd. Deze gegevens komen in',
    '# de meldingen, de brieven en het register. Aangemaakt met `datalek init`; controleer na elke',
    '# wijziging met `npx datalek validate`. Uitleg bij elk veld: de hover-hulp in VS Code, of',
    '# `npx datalek fields --markdown`.',
    `id: ${q(v.org)}`,
    `name: ${q(v.name)}`,
    'address:',
    `  street: ${q(v.street)}`,
    `  postcode: ${q(v.postcode)}`,
    `  city: ${q(v.city)}`,
    `  country: ${v.country}`,
    `chamber_of_commerce: ${q(v.kvk)}`,
    `sector: ${v.sector}`,
    `country: ${v.country}`,
    `# De bevoegde toezichthouder: ${a.name}.`,
    `authority: ${a.code}`,
    '# true als het kantoor een financiële onderneming is onder de Wft (bijv. een assurantiebemiddelaar):',
    '# dan hoeven betrokkenen op grond van art. 42 UAVG niet te worden geïnformeerd. Bij twijfel: false.',
    `wft_financial_undertaking: ${v.wft === 'yes'}`,
    `professional_secrecy: ${v.professionalSecrecy === 'yes'}`,
    'contacts:',
    '  breach_officer:',
    `    name: ${q(v.breachOfficer)}`,
    `    email: ${q(v.breachOfficerEmail)}`,
    `    phone: ${q(v.breachOfficerPhone)}`,
    '  management:',
    `    name: ${q(v.management)}`,
    `    email: ${q(v.email)}`,
    `    phone: ${q(v.phone)}`,
    '  # Een functionaris gegevensbescherming (FG), als het kantoor er een heeft; brieven noemen de FG',
    '  # dan als aanspreekpunt.',
    '  # dpo:',
    '  #   name: "..."',
    '  #   email: "..."',
    '  #   phone: "..."',
    '# Het briefhoofd boven en onder brieven en documenten.',
    'letterhead:',
    '  # tagline: "Advocaten en mediators"',
    ...(v.website ? [`  website: ${q(v.website)}`] : ['  # website: "www.kantoor.nl"']),
    `  email: ${q(v.email)}`,
    `  phone: ${q(v.phone)}`,
    `  place: ${q(v.city)}`,
    '  # Een logo: zet het bestand in deze map en noem het hier.',
    '  # logo: logo.png',
    '  signatory:',
    `    name: ${q(v.management)}`,
    `language: ${v.language}`,
    ...(v.extends
      ? ['# Het sjabloonpakket van de federatie waarop dit kantoor voortbouwt, met het versiebereik.', `extends: ${q(v.extends)}`]
      : ['# Het sjabloonpakket van uw federatie, als u er een gebruikt (npm-pakket of map, met @versiebereik):', '# extends: "@federatie/datalek-sjablonen@^2.0.0"']),
    `time_zone: ${a.zone}`,
    '',
  ];
  return lines.join('\n');
}

function packageJson(input: OfficeInput): string {
  const v = input.values;
  const dependencies: Record<string, string> = { datalek: input.datalekSpec };
  if (input.packDependency) dependencies[input.packDependency.name] = input.packDependency.range;
  const pkg = {
    name: `${v.org}-datalekken`.slice(0, 214),
    version: '1.0.0',
    private: true,
    description: `Personal-data breaches of ${v.name}, kept as YAML and checked with datalek.`,
    scripts: {
      validate: 'datalek validate',
      triage: 'datalek triage',
      status: 'datalek status',
      build: 'datalek build',
      new: `datalek new --org ${v.org}`,
      'templates:check': 'datalek templates check',
      'update-schemas': 'cp node_modules/datalek/schemas/*.schema.json schemas/',
      prepare: 'git config core.hooksPath .githooks || true',
    },
    dependencies,
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

const GITIGNORE = `# datalek: generated documents and caches stay out of git (they hold personal data and are
# rebuilt from the YAML files with \`npx datalek build\`).
node_modules/
output/
.datalek-cache/
*.datalek-tmp
*.tmp
.DS_Store
Thumbs.db
`;

const VSCODE_SETTINGS = `${JSON.stringify(
  {
    'yaml.schemas': {
      './schemas/incident.schema.json': ['incidents/**/*.yaml', 'incidents/**/*.yml'],
      './schemas/organisation.schema.json': ['templates/*/organisation.yaml', 'templates/*/organisation.yml'],
      './schemas/pack.schema.json': ['templates/*/pack.yaml'],
    },
    '[yaml]': { 'editor.tabSize': 2, 'editor.insertSpaces': true, 'editor.autoIndent': 'keep' },
    'files.insertFinalNewline': true,
  },
  null,
  2,
)}\n`;

const VSCODE_EXTENSIONS = `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;

const PRE_COMMIT = `#!/bin/sh
# datalek: check the incidents, the organisation and the templates before every commit.
# Git runs this hook once \`git config core.hooksPath .githooks\` is set (npm install does that
# through the "prepare" script). Skip it once with: git commit --no-verify
#
# The installed datalek is used on purpose (not a bare \`npx datalek\`, which could download a
# package of that name from the registry when none is installed).
if [ ! -x node_modules/.bin/datalek ]; then
  echo "pre-commit: datalek is not installed in this folder; run npm install first." >&2
  exit 1
fi
exec node_modules/.bin/datalek validate
`;

const INSTALL = 'if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi';
const CHROMIUM =
  'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium-headless-shell';

const GITHUB = `# datalek: on every push, check the incidents and the organisation files, build the documents
# and keep them as an artifact.
#
# The documents hold personal data. Keep this repository private; the artifact is kept for 7
# days and visible to everyone who can read the repository.
name: datalek

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

jobs:
  datalek:
    runs-on: ubuntu-latest
    # Debian, for its chromium-headless-shell package (the PDFs are printed with it).
    container: node:20-bookworm
    steps:
      - uses: actions/checkout@v4
      - name: Chromium for the PDFs
        run: ${CHROMIUM}
      - name: Install datalek
        run: ${INSTALL}
      - name: Validate
        run: node_modules/.bin/datalek validate
      - name: Build the documents
        run: |
          git config --global --add safe.directory "$GITHUB_WORKSPACE"
          # Same commit, same bytes: dates inside DOCX and PDF files come from the commit.
          export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
          node_modules/.bin/datalek build
      - name: Keep the documents
        uses: actions/upload-artifact@v4
        with:
          name: documents
          path: output/
          retention-days: 7
          if-no-files-found: warn
`;

const GITLAB = `# datalek: on every push, check the incidents and the organisation files, build the documents
# and keep them as an artifact.
#
# The documents hold personal data. Keep this project private; the artifact expires after 7 days.
datalek:
  # Debian, for its chromium-headless-shell package (the PDFs are printed with it).
  image: node:20-bookworm
  before_script:
    - ${CHROMIUM}
    - ${INSTALL}
  script:
    - node_modules/.bin/datalek validate
    # Same commit, same bytes: dates inside DOCX and PDF files come from the commit.
    - export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
    - node_modules/.bin/datalek build
  artifacts:
    name: documents
    paths:
      - output/
    expire_in: 7 days
`;

function officeReadme(input: OfficeInput): string {
  const v = input.values;
  const fileDep = input.datalekSpec.startsWith('file:');
  return `# Data breach register of ${v.name}

Every personal-data breach (*datalek*) of the office is kept here as a YAML file, in git.
[datalek](${fileDep ? input.datalekSpec.slice('file:'.length) : 'https://www.npmjs.com/package/datalek'}) checks the files, decides per incident what the GDPR
(AVG) asks (notify the ${AUTHORITY[v.country].code} within 72 hours? inform the people affected?) and writes the
letters, the notification summary and the register.

## First steps

\`\`\`sh
npm install                      # installs datalek${input.packDependency ? ` and the template pack ${input.packDependency.name}` : ''}; sets up the git hook
npx datalek validate             # check everything
npx datalek new --title "USB-stick verloren"   # a new incident: incidents/${v.org}/<year>-<number>.yaml
npx datalek triage               # what must happen, step by step, with the articles
npx datalek status               # open incidents: deadlines and open steps
npx datalek status --ics deadlines.ics   # the same as a calendar (72-hour deadlines with alarms)
npx datalek build                # the documents, in output/${v.org}/
\`\`\`

Commit \`package-lock.json\` after the first \`npm install\`, so that CI installs exactly the same versions.${
    fileDep
      ? `

**Note:** package.json refers to datalek on this computer (\`${input.datalekSpec}\`). CI cannot
reach that folder: replace it with a version, a git URL or a tarball your office can reach
(\`datalek init --datalek-spec\` sets it when creating a repository).`
      : ''
  }

## What is where

\`\`\`
incidents/${v.org}/<id>.yaml        one incident per file
templates/${v.org}/organisation.yaml   the office: address, contacts, letterhead, template pack
templates/${v.org}/                 your own versions of templates (see the README there)
schemas/                          copies of datalek's schemas, for editors (npm run update-schemas)
output/                           generated documents; not in git (they hold personal data)
.githooks/pre-commit              runs \`datalek validate\` before every commit
.github/workflows/datalek.yml     GitHub Actions: validate, build, keep the documents 7 days
.gitlab-ci.yml                    the same for GitLab CI
\`\`\`

Open the folder in VS Code with the YAML extension (it is recommended when you open it): field
names are completed, allowed values listed and every field explained in Dutch on hover.

## Template packs and upgrades

Documents come from three layers: \`templates/${v.org}/\` (yours), the template pack of your
federation (\`extends\` in organisation.yaml${input.packDependency ? `, installed as the npm package \`${input.packDependency.name}\`` : ''}), and datalek's
built-in pack. Before upgrading the federation pack, see what changes and whether your own
templates are affected:

\`\`\`sh
npx datalek templates diff node_modules/<pack> ../<pack-new-version>
npx datalek templates check       # after the upgrade: warns about templates of yours that no longer override anything
\`\`\`

## CI and personal data

Both CI configurations validate every push and build the documents; the documents are kept as an
artifact for 7 days. They hold personal data: keep the repository private, limit who can read
it, and shorten the retention if your policy asks for it.
`;
}

function templatesReadme(input: OfficeInput): string {
  const v = input.values;
  const rows = input.documents.map((d) => {
    const files = Object.entries(d.templates)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([lang, f]) => [f.md, f.docx].filter(Boolean).map((n) => `\`${n}\`${lang === 'nl' ? '' : ` (${lang})`}`).join(', '))
      .join(', ');
    return `| \`${d.id}\` | ${d.title} | ${files} | ${d.from} |`;
  });
  return `# Templates of ${v.name}

This folder holds the office's own settings and templates:

- \`organisation.yaml\`: name, address, contacts and letterhead (checked by \`npx datalek validate\`);
- a logo, if \`letterhead.logo\` names one;
- your own versions of templates.

## Overriding a template

Copy the template from the pack (\`node_modules/<pack>/\`, or \`node_modules/datalek/packs/default/\`)
into this folder **under the same file name** and change it. It then wins over the pack's. A
Markdown template (\`.md\`) gives the PDF, a Word template (\`.docx\`) the DOCX; change both if you
produce both, so that they say the same.

Tags such as \`{organisatie.naam}\` or \`{#maatregelen}…{/maatregelen}\` are filled in from the incident;
\`npx datalek fields\` lists every field a template can use.

To change more than a template (switch a document off, add one, change when it applies), add a
\`pack.yaml\` here:

\`\`\`yaml
documents:
  melding-ap:
    disabled: true
\`\`\`

After changing a template, or after upgrading your federation's pack, run:

\`\`\`sh
npx datalek templates check   # unknown fields, syntax errors, overrides that no longer override anything
\`\`\`

## The documents you have now

From ${input.packs.join(' over ')}:

| Document | Title | Template files | From |
|---|---|---|---|
${rows.join('\n')}
`;
}

/** Every file `datalek init` writes, by path relative to the new repository (forward slashes). */
export function officeFiles(input: OfficeInput): Map<string, OfficeFile> {
  const org = input.values.org;
  const files = new Map<string, OfficeFile>();
  files.set('package.json', { text: packageJson(input) });
  files.set(`templates/${org}/organisation.yaml`, { text: organisationYaml(input.values) });
  files.set(`templates/${org}/README.md`, { text: templatesReadme(input) });
  files.set('incidents/.gitkeep', { text: '' });
  for (const [name, text] of Object.entries(input.schemas).sort(([a], [b]) => a.localeCompare(b))) files.set(`schemas/${name}`, { text });
  files.set('.gitignore', { text: GITIGNORE });
  files.set('.vscode/settings.json', { text: VSCODE_SETTINGS });
  files.set('.vscode/extensions.json', { text: VSCODE_EXTENSIONS });
  files.set('.githooks/pre-commit', { text: PRE_COMMIT, mode: 0o755 });
  files.set('.github/workflows/datalek.yml', { text: GITHUB });
  files.set('.gitlab-ci.yml', { text: GITLAB });
  files.set('README.md', { text: officeReadme(input) });
  return files;
}
