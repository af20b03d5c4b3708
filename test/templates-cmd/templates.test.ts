/** `datalek templates check` and `datalek templates diff`, and the pieces behind them. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, NOW, REPO, run, tempDir } from '../cli/helpers.js';
import { diffLines, focusChange, summariseDiff } from '../../src/packs/line-diff.js';
import { loadPackChain } from '../../src/packs/index.js';
import { unusedOverrides } from '../../src/packs/overrides.js';
import { docxWording } from '../../src/packs/template-text.js';

const FEDERATION = path.join(REPO, 'packs/voorbeeld-federatie');

function copyPack(to: string, edit?: (file: string, text: string) => string): string {
  cpSync(FEDERATION, to, { recursive: true });
  if (edit) {
    for (const f of ['pack.yaml', 'brief-betrokkene.md', 'melding-verzekeraar.md']) {
      const p = path.join(to, f);
      writeFileSync(p, edit(f, readFileSync(p, 'utf8')));
    }
  }
  return to;
}

afterAll(() => cleanTemp());

describe('templates check', () => {
  it('checks every organisation of the project through its packs', async () => {
    const r = await run(['templates', 'check', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('van-dam-advocaten: van-dam-advocaten -> voorbeeld-federatie 2.1.0 -> datalek-standaard 1.0.0; 5 documents');
    expect(r.out).toContain('boekhouding-claes: boekhouding-claes -> datalek-standaard 1.0.0; 4 documents');
    expect(r.out).toContain('Templates checked: 0 errors, 0 warnings.');
    const one = await run(['templates', 'check', '--org', 'boekhouding-claes', '--json', '--now', NOW]);
    expect(JSON.parse(one.out).organisations.map((o: { organisation: string }) => o.organisation)).toEqual(['boekhouding-claes']);
  });

  it('checks one pack as a federation layer over the default', async () => {
    const r = await run(['templates', 'check', 'packs/voorbeeld-federatie']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'voorbeeld-federatie 2.1.0 -> datalek-standaard 1.0.0: 5 documents (brief-betrokkene, melding-ap, melding-gba, register, melding-verzekeraar); 0 errors, 0 warnings.\n',
    );
  });

  it('reports unknown fields, a missing version and a pack that is not there', async () => {
    const dir = copyPack(path.join(tempDir('datalek-tpl-'), 'kapot'), (f, t) =>
      f === 'pack.yaml' ? t.replace(/^version: .*\n/m, '') : f === 'melding-verzekeraar.md' ? t.replace('{organisatie.naam}', '{organisatie.naaam}') : t,
    );
    const r = await run(['templates', 'check', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('(error DL-PACK-UNVERSIONED)');
    expect(r.out).toContain('could not be loaded');
    const fixed = path.join(dir, 'pack.yaml');
    writeFileSync(fixed, readFileSync(fixed, 'utf8').replace(/^name: .*$/m, (l) => `${l}\nversion: 3.0.0`));
    const r2 = await run(['templates', 'check', dir]);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/melding-verzekeraar\.md:\d+:\d+: organisatie\.naaam: .*did you mean 'organisatie\.naam'\? \(error DL-TEMPLATE-UNKNOWN-FIELD\)/);

    const missing = await run(['templates', 'check', 'packs/bestaat-niet']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^packs\/bestaat-niet: .*\(error DL-PACK-NOT-FOUND\)/m);
  });

  it('is used correctly or says how', async () => {
    expect((await run(['templates'])).code).toBe(2);
    expect((await run(['templates', 'lint'])).err).toContain('unknown subcommand "lint": check or diff');
    expect((await run(['templates', 'diff', 'packs/default'])).code).toBe(2);
  });
});

describe('templates diff', () => {
  it('says so when nothing changed', async () => {
    const copy = copyPack(path.join(tempDir('datalek-tpl-'), 'kopie'));
    const r = await run(['templates', 'diff', 'packs/voorbeeld-federatie', copy]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No differences in documents or templates.');
    expect(r.out).toContain('Unchanged (5)');
  });

  it('shows added documents, changed keys and templates that now come from another pack', async () => {
    const tmp = tempDir('datalek-tpl-');
    const neu = copyPack(path.join(tmp, 'nieuw'), (f, t) =>
      f === 'pack.yaml'
        ? t
            .replace(/^version: .*$/m, 'version: 3.0.0')
            // the federation no longer replaces the letter: the default's comes back
            .replace(/ {2}brief-betrokkene:\n {4}templates:\n {6}nl:\n {8}docx: brief-betrokkene.docx\n {8}md: brief-betrokkene.md\n/, '')
            .replace('title: Melding aan de beroepsaansprakelijkheidsverzekeraar', 'title: Melding aan de verzekeraar')
            .replace('formats: [docx, pdf]', 'formats: [pdf]') +
          '  melding-gba:\n    disabled: true\n  checklist:\n    title: Checklist\n    scope: incident\n    formats: [pdf]\n    templates:\n      nl:\n        md: checklist.md\n'
        : t,
    );
    writeFileSync(path.join(neu, 'checklist.md'), '# Checklist\n\n{#stappenplan}\n- {stap}\n{/stappenplan}\n');
    const r = await run(['templates', 'diff', 'packs/voorbeeld-federatie', neu, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.added.map((x: { id: string }) => x.id)).toEqual(['checklist']);
    expect(d.removed.map((x: { id: string }) => x.id)).toEqual(['melding-gba']); // switched off
    const insurer = d.changed.find((x: { id: string }) => x.id === 'melding-verzekeraar');
    expect(insurer.keys).toEqual([
      { key: 'title', old: 'Melding aan de beroepsaansprakelijkheidsverzekeraar', new: 'Melding aan de verzekeraar' },
      { key: 'formats', old: 'docx, pdf', new: 'pdf' },
    ]);
    const letter = d.changed.find((x: { id: string }) => x.id === 'brief-betrokkene');
    const md = letter.templates.find((t: { language: string; format: string }) => t.language === 'nl' && t.format === 'md');
    expect(md.old.pack).toBe('voorbeeld-federatie 2.1.0');
    expect(md.new.pack).toBe('datalek-standaard 1.0.0');
    expect(md.wording.removed).toBeGreaterThan(0);

    const text = await run(['templates', 'diff', 'packs/voorbeeld-federatie', neu]);
    expect(text.out).toContain('    title: Melding aan de beroepsaansprakelijkheidsverzekeraar -> Melding aan de verzekeraar');
    expect(text.out).toContain('    template nl md: brief-betrokkene.md from datalek-standaard 1.0.0 (was brief-betrokkene.md from voorbeeld-federatie 2.1.0)');
    expect(text.out).toMatch(/Documents added \(1\):\n {2}checklist: Checklist \(incident; pdf; nl md: checklist\.md\)/);
  });
});

describe('overrides that no longer override anything', () => {
  it('names a template of a switched-off document, and suggests the nearest name otherwise', async () => {
    const root = tempDir('datalek-tpl-');
    const orgDir = path.join(root, 'templates', 'kantoor');
    mkdirSync(orgDir, { recursive: true });
    writeFileSync(path.join(orgDir, 'pack.yaml'), 'documents:\n  melding-gba:\n    disabled: true\n');
    for (const f of ['melding-gba.md', 'brief-betrokkene.md', 'brief-betrokene.docx', 'README.md', 'logo.png']) writeFileSync(path.join(orgDir, f), 'x\n');
    const loaded = await loadPackChain({ projectRoot: root, organisationDir: 'templates/kantoor', organisation: { id: 'kantoor', language: 'nl' } });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const found = unusedOverrides(loaded.chain);
    expect(found.map((d) => [d.file, d.severity, d.code])).toEqual([
      ['templates/kantoor/brief-betrokene.docx', 'warning', 'DL-TEMPLATE-OVERRIDE-UNUSED'],
      ['templates/kantoor/melding-gba.md', 'warning', 'DL-TEMPLATE-OVERRIDE-UNUSED'],
    ]);
    expect(found[0]!.message).toContain("did you mean 'brief-betrokkene.docx' ('brief-betrokkene')?");
    expect(found[1]!.message).toBe("this template is not used: it overrides 'melding-gba', which is switched off by kantoor");
  });
});

describe('line diff and wording', () => {
  it('finds added, removed and kept lines', () => {
    const ops = diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
    expect(ops.map((o) => `${o.op[0]}${o.line}`)).toEqual(['sa', 'rb', 'ax', 'sc', 'sd', 'ae']);
    expect(summariseDiff(ops)).toEqual({ added: 2, removed: 1, lines: ['- b', '+ x', '+ e'] });
  });

  it('cuts a changed long line down to the change', () => {
    const [a, b] = focusChange(
      'Als lid van de Vereniging van Voorbeeldkantoren houden wij ons aan de gedragscode van de vereniging en gaan wij zorgvuldig om',
      'Als lid van de Vereniging van Voorbeeldkantoren volgen wij de gedragscode van de vereniging en gaan wij zorgvuldig om',
      15,
    );
    for (const [shown, changed] of [[a, 'houden wij ons aan'], [b, 'volgen wij']] as const) {
      expect(shown).toContain(`Voorbeeldkantoren ${changed} de gedragscode`);
      expect(shown).toMatch(/^… .* …$/);
      expect(shown.length).toBeLessThan(70);
    }
  });

  it('reads the paragraphs of a Word template without its tags', () => {
    const lines = docxWording(new Uint8Array(readFileSync(path.join(FEDERATION, 'brief-betrokkene.docx'))));
    expect(lines.some((l) => l.includes('Als lid van de Vereniging van Voorbeeldkantoren'))).toBe(true);
    expect(lines.every((l) => !/[{}]/.test(l))).toBe(true);
  });
});
