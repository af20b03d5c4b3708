/**
 * The built-in default pack: every template rendered for every bundled example incident, with
 * the Markdown escaper, then through marked. Checks what a reader must find in each document.
 */
import { readFileSync } from 'node:fs';
import { Marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { incidentDocumentData, registerDocumentData, type IncidentDocumentData } from '../../src/documents/data.js';
import type { Incident } from '../../src/model/incident.js';
import { datumtijd, dateheure } from '../../src/render/template/filters.js';
import { escapeMarkdown, renderText } from '../../src/render/template/index.js';
import { timeZoneFor } from '../../src/triage/deadline.js';
import { loadRiskPolicy, triage } from '../../src/triage/index.js';
import { loadExamples, NOW, ROOT, type Example } from './examples.js';

const PACK = `${ROOT}packs/default/`;
const template = (name: string): string => readFileSync(PACK + name, 'utf8');
const html = (md: string): string => new Marked({ gfm: true }).parse(md, { async: false });

/** The visible text of HTML: tags dropped, entities decoded, white space collapsed. */
function text(h: string): string {
  return h
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function render(name: string, data: object, incident?: string): string {
  return renderText(template(name), data, { templatePath: `packs/default/${name}`, incident, escape: escapeMarkdown });
}

/** No tag left, no leaked JavaScript values (escaped braces from data are fine). */
function expectClean(md: string): void {
  const unescaped = md.replace(/\\[{}]/g, '');
  expect(unescaped).not.toMatch(/[{}]/);
  expect(md).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
}

const AP_CHAPTERS = [
  '1. Soort melding en grondslag',
  '2. Internationale aspecten',
  '3. Verwerkingsverantwoordelijke en contactpersonen',
  '4. Tijdlijn',
  '5. De inbreuk',
  '6. Persoonsgegevens',
  '7. Betrokkenen',
  '8. Maatregelen vóór de inbreuk',
  '9. Gevolgen',
  '10. Vervolgacties',
];
const GBA_CHAPTERS = [
  '1. Soort melding',
  '2. Identificatie van de verwerkingsverantwoordelijke',
  '3. Getroffen verwerking: persoonsgegevens en betrokkenen',
  '4. Beschrijving van het gegevenslek',
  '5. Tijdstippen',
  '6. Beveiliging vóór het gegevenslek',
  '7. Gevolgen',
  '8. Genomen en voorgestelde maatregelen',
  '9. Mededeling aan de betrokkenen',
  '10. Grensoverschrijdende aspecten',
];

function headings(md: string): string[] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('## '))
    .map((l) => l.slice(3).replace(/\\(.)/g, '$1'));
}

let examples: Example[] = [];
beforeAll(async () => {
  examples = await loadExamples();
});

it('loads all sixteen bundled examples of three offices', () => {
  expect(examples).toHaveLength(16);
  expect(new Set(examples.map((e) => e.organisation.id)).size).toBe(3);
});

describe.each(['brief-betrokkene.md', 'melding-ap.md', 'melding-gba.md'])('%s', (name) => {
  it('renders every example cleanly, with the facts, dates and contacts', () => {
    for (const e of examples) {
      const data = incidentDocumentData({ ...e, language: 'nl', date: NOW });
      const md = render(name, data, e.incident.id);
      expectClean(md);
      const t = text(html(md));
      const where = `${name} ${e.incident.id}`;
      expect(t, where).toContain(norm(e.incident.what.facts));
      expect(t, where).toContain('22 november 2026');
      if (name === 'brief-betrokkene.md') {
        expect(t, where).toContain(data.contact.telefoon);
        expect(t, where).toContain(data.contact.email);
        expect(t, where).toContain('Geachte heer, mevrouw,');
        expect(t, where).toContain('Met vriendelijke groet,');
        expect(t, where).toContain(data.ondertekening.naam);
        expect(t, where).toContain(`${data.plaats}, 22 november 2026`);
        expect(t, where).toContain(e.organisation.name);
      } else {
        const zone = timeZoneFor(e.organisation);
        expect(t, where).toContain(datumtijd(e.outcome.authority.deadline, zone));
        expect(t, where).toContain(datumtijd(e.incident.timeline.aware_at, zone));
        expect(t, where).toContain(e.organisation.contacts.breach_officer.phone);
        expect(t, where).toContain(e.organisation.contacts.breach_officer.email);
        expect(t, where).toContain(data.beslispad[0]!.vraag);
        expect(t, where).toMatch(/SE = DPC × EI \+ CB = /);
        if (data.risico.beoordeeld) expect(t, where).toContain(norm(data.risico.motivering!));
        if (data.heeft_redenen_vertraging) expect(t, where).toContain(norm(data.redenen_vertraging!));
        const expected = name === 'melding-ap.md' ? AP_CHAPTERS : GBA_CHAPTERS;
        const found = headings(md).filter((h) => /^\d+\. /.test(h));
        expect(found, where).toEqual(expected);
      }
    }
  });
});

describe('melding-ap.md', () => {
  it('shows the lateness, the hours used and the reasons for a late notification (2026-103)', () => {
    const e = examples.find((x) => x.incident.id === '2026-103')!;
    const t = text(html(render('melding-ap.md', incidentDocumentData({ ...e, language: 'nl', date: NOW }))));
    expect(t).toContain('Uiterste meldmoment (kennisname + 72 uur) 4 juni 2026 om 14:35 uur');
    expect(t).toContain('95,92 uur, na de termijn van 72 uur');
    expect(t).toContain('Redenen voor melding na 72 uur: Het kantoor werd op 1 juni 2026');
  });

  it('says when the notification is still due (2026-007, open)', () => {
    const e = examples.find((x) => x.incident.id === '2026-007')!;
    const t = text(html(render('melding-ap.md', incidentDocumentData({ ...e, language: 'nl', date: NOW }))));
    expect(t).toContain('Gemeld nog niet gemeld');
    expect(t).toContain('Verstreken sinds kennisname 44,5 uur');
    expect(t).toContain('Uiterste meldmoment (kennisname + 72 uur) 23 november 2026 om 15:30 uur');
    expect(t).toContain('Betrokkenen geïnformeerd: nog niet; dit is gepland');
    expect(t).toContain('Kanaal: brief');
  });

  it('shows the exemption and the public communication (2026-203)', () => {
    const e = examples.find((x) => x.incident.id === '2026-203')!;
    const t = text(html(render('melding-gba.md', incidentDocumentData({ ...e, language: 'nl', date: NOW }))));
    expect(t).toContain('Motivering van de uitzondering (art. 34 lid 3 onder c AVG)');
    expect(t).toContain('Openbare mededeling: Op 18 augustus 2026');
    expect(t).toContain('Melding gegevenslek aan de Gegevensbeschermingsautoriteit');
  });
});

describe('lettre-personne-concernee.md', () => {
  it('renders every example in French', () => {
    for (const e of examples) {
      const data = incidentDocumentData({ ...e, language: 'fr', date: NOW });
      const md = render('lettre-personne-concernee.md', data, e.incident.id);
      expectClean(md);
      const t = text(html(md));
      const where = e.incident.id;
      expect(t, where).toContain('Madame, Monsieur,');
      expect(t, where).toContain('le 22 novembre 2026');
      expect(t, where).toContain(data.contact.telefoon);
      expect(t, where).toContain(data.contact.email);
      expect(t, where).toContain(data.ondertekening.naam);
      expect(t, where).toContain('Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.');
      expect(t, where).toContain(norm(e.incident.what.facts));
      expect(t, where).not.toMatch(/Geachte|Met vriendelijke groet|Wat is er gebeurd|Wij hebben/);
    }
  });

  it('gives French dates with the time in the office zone', () => {
    const e = examples.find((x) => x.incident.id === '2026-203')!;
    const t = text(html(render('lettre-personne-concernee.md', incidentDocumentData({ ...e, language: 'fr', date: NOW }))));
    expect(t).toContain('Nous avons notifié l’incident le 13 août 2026 à l’Autorité de protection des données');
    expect(t).toContain('entre 450 et 700 personnes, dont vous-même');
    expect(dateheure('2026-08-13T16:00:00+02:00', 'Europe/Brussels')).toBe('13 août 2026 à 16h00');
  });
});

describe('brief-betrokkene.md for 2026-004', () => {
  it('has every part DOMAIN.md lists for the letter, in order', () => {
    const e = examples.find((x) => x.incident.id === '2026-004')!;
    const t = text(html(render('brief-betrokkene.md', incidentDocumentData({ ...e, language: 'nl', date: NOW }))));
    const parts = [
      'Van Dam Advocaten B.V.', // letterhead
      'Utrecht, 22 november 2026', // place and date
      'Geachte heer, mevrouw,',
      'Wij gaan zorgvuldig om met de persoonsgegevens', // how the office protects data
      'Wat is er gebeurd?',
      'begon het incident op 7 juni 2026 om 21:02 uur',
      'kopie van een identiteitsbewijs', // which data
      'In totaal gaat het om gegevens van 112 personen, onder wie u.', // how many
      'identiteitsfraude', // consequences
      'Tweestapsverificatie met codevergelijking ingevoerd', // measures taken
      'Halfjaarlijkse phishingoefening', // measures planned
      'Wees alert op e-mails, sms-berichten en telefoontjes', // what you can do: phishing
      'Controleer de komende maanden uw bankafschriften', // bank
      'Centraal Meldpunt Identiteitsfraude', // ID fraud
      'gemeld bij de Autoriteit Persoonsgegevens', // authority
      'Wij hebben aangifte gedaan bij de politie op 9 juni 2026', // police
      'uw inloggegevens en wachtwoorden', // not affected
      'mr. Laila Bouzid Functionaris gegevensbescherming Telefoon: 030-555 0149 E-mail: fg@vandam-advocaten.example', // named contact
      'oprechte excuses',
      'Met vriendelijke groet,',
      'mr. P.A. van Dam Managing partner', // signature
    ];
    let at = 0;
    for (const p of parts) {
      const i = t.indexOf(p, at);
      expect(i, `"${p}" after position ${at}`).toBeGreaterThanOrEqual(0);
      at = i + p.length;
    }
  });
});

describe('register.md', () => {
  it('has a header and one row per incident for each office', () => {
    const orgs = new Map(examples.map((e) => [e.organisation.id, e.organisation]));
    for (const org of orgs.values()) {
      const rows = examples.filter((e) => e.organisation.id === org.id);
      const md = render('register.md', registerDocumentData({ organisation: org, rows, language: 'nl', date: NOW }));
      expectClean(md);
      const tableLines = md.split('\n').filter((l) => l.startsWith('|'));
      expect(tableLines[0]).toContain('| Nr. | Ontdekt | Wat is er gebeurd | Welke gegevens | Gevolgen | Genomen maatregelen | Wie is ingelicht |');
      expect(tableLines[1]).toMatch(/^\|(---\|)+$/);
      const body = tableLines.slice(2);
      expect(body).toHaveLength(rows.length);
      const h = html(md);
      expect((h.match(/<tr>/g) ?? []).length).toBe(rows.length + 1);
      for (const [i, r] of rows.entries()) {
        expect(body[i]!.startsWith(`| ${escapeMarkdown(r.incident.id)} |`)).toBe(true);
        const cols = body[i]!.replace(/\\\|/g, '').split('|').length - 2;
        expect(cols, r.incident.id).toBe(9);
      }
      const t = text(h);
      for (const r of rows) expect(t).toContain(norm(r.incident.what.facts));
      expect(t).toContain('22 november 2026');
    }
  });

  it('says who was informed and why an incident was not notified', () => {
    const org = examples.find((e) => e.organisation.id === 'van-dam-advocaten')!.organisation;
    const rows = examples.filter((e) => e.organisation.id === org.id);
    const t = text(html(render('register.md', registerDocumentData({ organisation: org, rows, language: 'nl', date: NOW }))));
    expect(t).toContain('• AP op 10-06-2026, meldnummer M-2026-0412 • betrokkenen op 12-06-2026 per brief (112 personen) • politie op 09-06-2026, kenmerk PL0900-2026060917 • verzekeraar op 08-06-2026');
    expect(t).toContain('nee: Geen inbreuk in verband met persoonsgegevens');
    expect(t).toContain('nog niet; melding is verplicht');
  });

  it('renders an empty register', () => {
    const org = examples[0]!.organisation;
    const md = render('register.md', registerDocumentData({ organisation: org, rows: [], language: 'nl', date: NOW }));
    expectClean(md);
    expect(text(html(md))).toContain('Er zijn nog geen incidenten geregistreerd.');
  });
});

describe('hostile values', () => {
  const HOSTILE = '<script>alert(1)</script> {#x}{/x} **vet** [link](http://x.example) | kolom';

  async function hostileExample(): Promise<{ e: Example; data: IncidentDocumentData }> {
    const base = examples.find((x) => x.incident.id === '2026-004')!;
    const incident = structuredClone(base.incident) as Incident;
    incident.what.facts = `${HOSTILE}\n\n# kop\n- lijst`;
    incident.title = `{titel} ${HOSTILE}`;
    incident.measures = { taken: [HOSTILE, '=HYPERLINK("http://x")'], planned: ['{/maatregelen_gepland}'] };
    incident.consequences = { ...incident.consequences, description: '**x**' };
    const policy = await loadRiskPolicy();
    const outcome = triage(incident, base.organisation, { file: base.file, now: NOW, policy });
    const e = { ...base, incident, outcome };
    return { e, data: incidentDocumentData({ ...e, language: 'nl', date: NOW }) };
  }

  it.each(['brief-betrokkene.md', 'melding-ap.md', 'melding-gba.md'])('show literally in %s', async (name) => {
    const { data } = await hostileExample();
    const md = render(name, data);
    const unescaped = md.replace(/\\[{}]/g, '');
    expect(unescaped).not.toMatch(/[{}]/);
    const h = html(md);
    expect(h).not.toContain('<script>');
    expect(h).not.toContain('<strong>vet</strong>');
    expect(h).not.toContain('<a ');
    expect(h).not.toMatch(/<h1>\s*kop/);
    expect(h).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const t = text(h);
    expect(t).toContain('{#x}{/x} **vet** [link](http://x.example) | kolom');
    expect(t).toContain('# kop');
    expect(t).toContain('**x**');
  });

  it('show literally in the register and keep the table intact', async () => {
    const { e } = await hostileExample();
    const md = render('register.md', registerDocumentData({ organisation: e.organisation, rows: [e], language: 'nl', date: NOW }));
    const h = html(md);
    expect(h).not.toContain('<script>');
    expect((h.match(/<tr>/g) ?? []).length).toBe(2);
    expect(text(h)).toContain('<script>alert(1)</script> {#x}{/x} **vet** [link](http://x.example) | kolom # kop - lijst');
  });
});
