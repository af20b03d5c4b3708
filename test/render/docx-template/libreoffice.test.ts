/**
 * Opens a generated .docx template and a document rendered from it in LibreOffice (when
 * installed: `apt-get install --no-install-recommends libreoffice-writer-nogui`) and checks the
 * PDF it prints: the text is there, tags in the template, values in the rendered document, the
 * table header repeated on the next page, "pagina X van Y" in the footer. Skipped without soffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render.js';
import { markdownTemplateToDocx } from '../../../src/render/docx-template/md-to-docx.js';

const has = (cmd: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const available = has('soffice') && has('pdftotext');

describe.skipIf(!available)('LibreOffice opens the generated .docx files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'datalek-docx-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('template and rendered document print with their text', () => {
    const md = readFileSync(join(__dirname, 'fixtures', 'brief.md'), 'utf8');
    const template = markdownTemplateToDocx(md, { title: 'Melding datalek {incident.id}', language: 'nl', footerText: '{organisatie.naam}' });
    const rijen = Array.from({ length: 60 }, (_, i) => ({ nummer: i + 1, omschrijving: `Regel ${i + 1}`, datum: '2026-11-20' }));
    const rendered = renderDocx(
      template,
      {
        incident: { id: '2026-004', aware_at: '2026-11-22T13:30:00Z' },
        betrokkene: { naam: 'ijsbrand' },
        aantal_betrokkenen: 1250,
        gegevens: ['naam', 'adres'],
        melding_ap: true,
        risico: 'high',
        maatregelen: [{ titel: 'Wachtwoorden <gewijzigd> & meer', gedaan_op: '2026-11-23' }],
        contact_email: 'privacy@kantoor.nl',
        fg: { naam_met_underscore_x: 'Jansen' },
        rijen,
        organisatie: { naam: 'Van Dam & Zn.' },
      },
      { templatePath: 'brief.docx' },
    );
    writeFileSync(join(dir, 'template.docx'), template);
    writeFileSync(join(dir, 'rendered.docx'), rendered);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'template.docx'), join(dir, 'rendered.docx')],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const text = (name: string, page?: number): string =>
      execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', join(dir, name), '-'], { encoding: 'utf8' });

    const t = text('template.pdf');
    for (const s of ['Melding datalek {incident.id}', '{#maatregelen}', '{titel} (op {gedaan_op | datum})', '{omschrijving}', 'pagina 1 van 1', '<w:t>x</w:t> & &', 'ĳsvogel café façade één']) {
      expect(t, s).toContain(s);
    }
    const r = text('rendered.pdf');
    expect(r).not.toMatch(/[{}]/);
    for (const s of ['Melding datalek 2026-004', 'Beste IJsbrand,', '• Wachtwoorden <gewijzigd> & meer (op 23 november 2026)', 'Van Dam & Zn.']) {
      expect(r, s).toContain(s);
    }
    expect(r).not.toContain('Wij hebben nog geen maatregelen genomen.');
    const pages = Number(/pagina 1 van (\d+)/.exec(r)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const page2 = text('rendered.pdf', 2);
    expect(page2.trimStart()).toMatch(/^Nr\.\s+Omschrijving\s+Datum/); // the header row repeats
    expect(page2).toContain(`pagina 2 van ${pages}`);
  });
});
