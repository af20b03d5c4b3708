/** Loading pack chains: where `extends` points, versions, cycles, invalid pack.yaml files. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackChain, splitSpec, type PackChainResult } from '../../src/packs/index.js';
import { DEFAULT_DIR, FIXTURES, brief, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const ORG = 'templates/kantoor';
const orgYaml = (spec?: string) => `id: kantoor\nlanguage: nl\n${spec === undefined ? '' : `extends: "${spec}"\n`}`;
const pack = (name: string | null, version: string | null, ext?: string, extra = '') =>
  [name === null ? "" : `name: "${name}"`, version === null ? '' : `version: ${version}`, ext === undefined ? '' : `extends: "${ext}"`, extra]
    .filter(Boolean)
    .join('\n') + '\n';

async function load(files: Record<string, string>, spec?: string): Promise<{ r: PackChainResult; root: string }> {
  const { root, cleanup } = tempProject({ [`${ORG}/organisation.yaml`]: orgYaml(spec), ...files });
  cleanups.push(cleanup);
  const r = await loadPackChain({ projectRoot: root, organisationDir: ORG, organisation: { id: 'kantoor', language: 'nl', ...(spec === undefined ? {} : { extends: spec }) } });
  return { r, root };
}

const layersOf = (r: PackChainResult) => (r.ok ? r.chain.layers.map((l) => `${l.kind}:${l.pack.name}@${l.pack.version}`) : []);
const codes = (r: PackChainResult) => r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
const ORG_EXTENDS = `${ORG}/organisation.yaml:3:10`;

describe('loadPackChain: where extends points', () => {
  // [what, files, organisation extends, layers when ok, diagnostics "code file:line:col"]
  const cases: [string, Record<string, string>, string | undefined, string[], string[]][] = [
    ['no extends: the default', {}, undefined, ['organisation:kantoor@null', 'default:datalek-standaard@1.0.0'], []],
    ['the default by name and range', {}, 'datalek-standaard@^1.0.0', ['organisation:kantoor@null', 'default:datalek-standaard@1.0.0'], []],
    ['the default by path', {}, DEFAULT_DIR, ['organisation:kantoor@null', 'default:datalek-standaard@1.0.0'], []],
    ['the default pinned to another major', {}, 'datalek-standaard@^2', [], [`DL-PACK-VERSION-MISMATCH ${ORG_EXTENDS}`]],
    ['a folder at the project root', { 'fed/pack.yaml': pack('fed', '1.4.0') }, 'fed', ['organisation:kantoor@null', 'federation:fed@1.4.0', 'default:datalek-standaard@1.0.0'], []],
    ['a folder relative to the organisation', { 'fed/pack.yaml': pack('fed', '1.4.0') }, '../../fed@~1.4', ['organisation:kantoor@null', 'federation:fed@1.4.0', 'default:datalek-standaard@1.0.0'], []],
    ['the organisation folder wins over the root', { 'fed/pack.yaml': pack('root-fed', '1.0.0'), [`${ORG}/fed/pack.yaml`]: pack('own-fed', '1.0.0') }, 'fed', ['organisation:kantoor@null', 'federation:own-fed@1.0.0', 'default:datalek-standaard@1.0.0'], []],
    ['folder version mismatch', { 'fed/pack.yaml': pack('fed', '1.4.0') }, 'fed@^2.0.0', [], [`DL-PACK-VERSION-MISMATCH ${ORG_EXTENDS}`]],
    ['bad range', { 'fed/pack.yaml': pack('fed', '1.4.0') }, 'fed@^two', [], [`DL-PACK-BAD-RANGE ${ORG_EXTENDS}`]],
    ['not found', {}, 'nergens', [], [`DL-PACK-NOT-FOUND ${ORG_EXTENDS}`]],
    ['folder without pack.yaml', { 'fed/README.md': 'x' }, 'fed', [], [`DL-PACK-NO-MANIFEST ${ORG_EXTENDS}`]],
    ['federation without name and version', { 'fed/pack.yaml': 'description: zonder versie\n' }, 'fed', [], ['DL-PACK-UNVERSIONED fed/pack.yaml:1:1']],
    [
      'two federations',
      { 'a/pack.yaml': pack('a', '1.0.0', '../b@1.x'), 'b/pack.yaml': pack('b', '1.2.0', 'datalek-standaard') },
      'a',
      ['organisation:kantoor@null', 'federation:a@1.0.0', 'federation:b@1.2.0', 'default:datalek-standaard@1.0.0'],
      [],
    ],
    ['a federation pinned wrongly', { 'a/pack.yaml': pack('a', '1.0.0', '../b@^2'), 'b/pack.yaml': pack('b', '1.2.0') }, 'a', [], ['DL-PACK-VERSION-MISMATCH a/pack.yaml:3:10']],
    ['cycle of two', { 'a/pack.yaml': pack('a', '1.0.0', '../b'), 'b/pack.yaml': pack('b', '1.0.0', '../a') }, 'a', [], ['DL-PACK-CYCLE b/pack.yaml:3:10']],
    ['a pack extending itself', { 'a/pack.yaml': pack('a', '1.0.0', '.') }, 'a', [], ['DL-PACK-CYCLE a/pack.yaml:3:10']],
    ['back to the organisation', { 'a/pack.yaml': pack('a', '1.0.0', `../${ORG}`) }, 'a', [], ['DL-PACK-CYCLE a/pack.yaml:3:10']],
    [
      'npm package',
      { 'node_modules/@vb/sjablonen/package.json': '{"name":"@vb/sjablonen","version":"2.3.0"}', 'node_modules/@vb/sjablonen/pack.yaml': pack('@vb/sjablonen', '2.3.0') },
      '@vb/sjablonen@^2.1.0',
      ['organisation:kantoor@null', 'federation:@vb/sjablonen@2.3.0', 'default:datalek-standaard@1.0.0'],
      [],
    ],
    [
      'npm package, installed version outside the range',
      { 'node_modules/@vb/sjablonen/package.json': '{"name":"@vb/sjablonen","version":"2.3.0"}', 'node_modules/@vb/sjablonen/pack.yaml': pack('@vb/sjablonen', '2.3.0') },
      '@vb/sjablonen@~2.1.0',
      [],
      [`DL-PACK-VERSION-MISMATCH ${ORG_EXTENDS}`],
    ],
    [
      'npm package whose pack.yaml has another version',
      { 'node_modules/sjablonen/package.json': '{"name":"sjablonen","version":"2.3.0"}', 'node_modules/sjablonen/pack.yaml': pack('sjablonen', '2.2.0') },
      'sjablonen@2.3.0',
      ['organisation:kantoor@null', 'federation:sjablonen@2.2.0', 'default:datalek-standaard@1.0.0'],
      ['DL-PACK-VERSION-DIFFERS node_modules/sjablonen/pack.yaml:2:10'],
    ],
  ];

  it.each(cases)('%s', async (_what, files, spec, layers, diagnostics) => {
    const { r } = await load(files, spec);
    expect(codes(r)).toEqual(diagnostics);
    expect(layersOf(r)).toEqual(layers);
  });

  it('says where it looked', async () => {
    const { r } = await load({}, 'nergens');
    expect(r.diagnostics[0]!.message).toBe("the template pack 'nergens' cannot be found; tried: templates/kantoor/nergens, nergens, node_modules/nergens");
    const rel = await load({}, './nergens');
    expect(rel.r.diagnostics[0]!.message).toBe("the template pack './nergens' cannot be found; tried: templates/kantoor/nergens, nergens");
  });

  it('names the packs of a cycle', async () => {
    const { r } = await load({ 'a/pack.yaml': pack('a', '1.0.0', '../b'), 'b/pack.yaml': pack('b', '1.0.0', '../a') }, 'a');
    expect(r.diagnostics[0]!.message).toBe('the template packs extend each other in a circle: a (a) -> b (b) -> a (a)');
  });

  it('explains a version mismatch', async () => {
    const { r } = await load(
      { 'node_modules/@vb/sjablonen/package.json': '{"version":"2.3.0"}', 'node_modules/@vb/sjablonen/pack.yaml': pack('@vb/sjablonen', '2.3.0') },
      '@vb/sjablonen@~2.1.0',
    );
    expect(r.diagnostics[0]!.message).toBe(
      "'@vb/sjablonen@~2.1.0' asks for version ~2.1.0 of @vb/sjablonen, but the version found is 2.3.0 (node_modules/@vb/sjablonen/package.json)",
    );
  });

  it('stops a chain that is too long', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`p${i}/pack.yaml`] = pack(`p${i}`, '1.0.0', `../p${i + 1}`);
    const { r } = await load(files, 'p0');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['DL-PACK-TOO-DEEP']);
  });
});

describe('loadPackChain: the organisation pack.yaml', () => {
  it('extends given in pack.yaml only is used', async () => {
    const { r } = await load({ [`${ORG}/pack.yaml`]: pack(null, null, '../../fed'), 'fed/pack.yaml': pack('fed', '1.0.0') });
    expect(layersOf(r)).toEqual(['organisation:kantoor@null', 'federation:fed@1.0.0', 'default:datalek-standaard@1.0.0']);
  });

  it('two different extends conflict', async () => {
    const { r } = await load({ [`${ORG}/pack.yaml`]: pack('kantoor', '1.0.0', 'ander'), 'fed/pack.yaml': pack('fed', '1.0.0') }, 'fed');
    expect(codes(r)).toEqual([`DL-PACK-EXTENDS-CONFLICT ${ORG}/pack.yaml:3:10`]);
  });

  it('a misspelt document id is reported with the nearest one', async () => {
    const { r } = await load({ [`${ORG}/pack.yaml`]: 'documents:\n  brief-betrokene:\n    disabled: true\n' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map(brief)).toEqual([
      { code: 'DL-PACK-DOCUMENT-INCOMPLETE', file: `${ORG}/pack.yaml`, line: 2, column: 3, field: 'documents.brief-betrokene' },
    ]);
    expect(r.diagnostics[0]!.message).toBe(
      "the document 'brief-betrokene' lacks title, scope, formats, templates: no layer of the template packs gives it; did you mean 'brief-betrokkene'?",
    );
  });

  it('a versioned office pack gives its name and version', async () => {
    const { r } = await load({ [`${ORG}/pack.yaml`]: pack('kantoor-sjablonen', '0.3.0') });
    expect(layersOf(r)).toEqual(['organisation:kantoor-sjablonen@0.3.0', 'default:datalek-standaard@1.0.0']);
  });

  it('lists the files of every layer', async () => {
    const { r } = await load({ [`${ORG}/brief-betrokkene.md`]: 'x', [`${ORG}/sub/logo.png`]: 'x', [`${ORG}/.git/HEAD`]: 'x', [`${ORG}/node_modules/x/y.md`]: 'x' });
    expect(r.ok && r.chain.layers[0]!.files).toEqual(['brief-betrokkene.md', 'organisation.yaml', 'sub/logo.png']);
  });
});

describe('loadPackChain: invalid pack.yaml', () => {
  const root = path.join(FIXTURES, 'invalid-pack');

  it('reports every problem at its line and column, then that the pack cannot be used', async () => {
    const r = await loadPackChain({ projectRoot: root, organisationDir: 'templates/kantoor', organisation: { id: 'kantoor', language: 'nl', extends: 'federatie' } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, `${d.file}:${d.line}:${d.column}`, d.field])).toEqual([
      ['DL-PACK-INVALID', 'federatie/pack.yaml:0:0', ''],
      ['DL-SCHEMA-PATTERN', 'federatie/pack.yaml:2:10', 'version'],
      ['DL-SCHEMA-ENUM', 'federatie/pack.yaml:6:12', 'documents.brief-betrokkene.scope'],
      ['DL-SCHEMA-ENUM', 'federatie/pack.yaml:7:20', 'documents.brief-betrokkene.formats[1]'],
      ['DL-SCHEMA-UNKNOWN-FIELD', 'federatie/pack.yaml:10:7', 'documents.brief-betrokkene.templates.nk'],
      ['DL-SCHEMA-PATTERN', 'federatie/pack.yaml:12:13', 'documents.brief-betrokkene.templates.fr.md'],
      ['DL-SCHEMA-UNKNOWN-FIELD', 'federatie/pack.yaml:13:5', 'documents.brief-betrokkene.wanneer'],
      ['DL-SCHEMA-NOT-ALLOWED', 'federatie/pack.yaml:14:3', 'documents.Melding_Verzekeraar'],
    ]);
    expect(r.diagnostics[2]!.message).toBe("must be one of: incident, organisation; found 'incdent'; did you mean 'incident'?");
    expect(r.diagnostics[4]!.hint).toBe('Check the spelling, or remove the field. Known fields here: nl, fr, de, en.');
    expect(r.diagnostics[7]!.message).toBe("the document id 'Melding_Verzekeraar' is not in the expected form");
    expect(r.diagnostics[7]!.hint).toMatch(/^Kleine letters, cijfers en koppeltekens/);
    expect(r.diagnostics[0]!.message).toBe('the template pack voorbeeld-fout (federation) cannot be used: its pack.yaml has 7 problem(s), reported with their own line and column');
  });

  it('a YAML syntax error', async () => {
    const { r } = await load({ 'fed/pack.yaml': 'name: fed\nversion: 1.0.0\ndocuments:\n  a: [\n' }, 'fed');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['DL-PACK-INVALID', 'DL-YAML-SYNTAX']);
    expect(r.diagnostics[1]!.line).toBeGreaterThan(0);
  });
});

describe('splitSpec', () => {
  const cases: [string, string, string | undefined][] = [
    ['federatie', 'federatie', undefined],
    ['federatie@^2.1.0', 'federatie', '^2.1.0'],
    ['@voorbeeldfederatie/datalek-sjablonen', '@voorbeeldfederatie/datalek-sjablonen', undefined],
    ['@voorbeeldfederatie/datalek-sjablonen@2.1.0', '@voorbeeldfederatie/datalek-sjablonen', '2.1.0'],
    ['../packs/federatie@~2', '../packs/federatie', '~2'],
    ['/home/kantoor@nl/federatie', '/home/kantoor@nl/federatie', undefined],
    ['datalek-standaard@>=1.0.0 <2', 'datalek-standaard', '>=1.0.0 <2'],
  ];
  it.each(cases)('%s', (spec, target, range) => {
    expect(splitSpec(spec)).toEqual(range === undefined ? { target } : { target, range });
  });
});
