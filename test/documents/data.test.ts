/** The data handed to templates: pure, Dutch (or French) throughout, derived from the facts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { incidentDocumentData, registerDocumentData } from '../../src/documents/data.js';
import type { Incident } from '../../src/model/incident.js';
import { loadRiskPolicy, triage } from '../../src/triage/index.js';
import { loadExamples, NOW, type Example } from './examples.js';

let examples: Example[] = [];
beforeAll(async () => {
  examples = await loadExamples();
});
const ex = (id: string): Example => examples.find((e) => e.incident.id === id)!;

async function variant(id: string, change: (i: Incident) => void): Promise<Example> {
  const base = ex(id);
  const incident = structuredClone(base.incident) as Incident;
  change(incident);
  const outcome = triage(incident, base.organisation, { file: base.file, now: NOW, policy: await loadRiskPolicy() });
  return { ...base, incident, outcome };
}

const ENGLISH = /\b(the|The|are|were|breach|people|notify|Notify|assessed|suggests|authority|exemption|Claimed)\b/;

describe('incidentDocumentData', () => {
  it('is pure: same input, same output; the document date comes from the caller', () => {
    for (const e of examples) {
      const a = incidentDocumentData({ ...e, language: 'nl', date: NOW });
      const b = incidentDocumentData({ ...structuredClone(e), language: 'nl', date: new Date(NOW.getTime()) });
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(a.documentdatum).toBe(NOW.toISOString());
    }
    const later = incidentDocumentData({ ...ex('2026-004'), language: 'nl', date: new Date('2027-01-05T09:00:00Z') });
    expect(later.documentdatum).toBe('2027-01-05T09:00:00.000Z');
  });

  it('never passes the English triage texts into a Dutch or French document', () => {
    for (const e of examples) {
      for (const language of ['nl', 'fr'] as const) {
        const d = incidentDocumentData({ ...e, language, date: NOW });
        const json = JSON.stringify(d);
        for (const p of e.outcome.path) {
          expect(json).not.toContain(p.reason);
          expect(json).not.toContain(p.question);
        }
        for (const f of e.outcome.risk.suggested.factors) expect(json).not.toContain(f);
        for (const s of d.beslispad) {
          for (const field of [s.vraag, s.antwoord, s.reden, s.grondslag]) expect(field, `${e.incident.id} ${s.stap}`).not.toMatch(ENGLISH);
        }
        for (const f of d.risico.factoren) expect(f.tekst + (f.gevolg ?? ''), `${e.incident.id} ${f.code}`).not.toMatch(ENGLISH);
        expect(d.beslispad).toHaveLength(e.outcome.path.length);
      }
    }
  });

  it('cites the law as a Dutch lawyer writes it', () => {
    const d = incidentDocumentData({ ...ex('2026-006'), language: 'nl', date: NOW });
    expect(d.beslispad.map((s) => s.grondslag)).toEqual([
      'art. 4 onder 1 AVG',
      'art. 4 onder 12 AVG',
      'art. 33 lid 1 AVG',
      'art. 34 lid 1 AVG',
      'art. 34 lid 3 onder a AVG',
    ]);
    expect(d.uitzondering).toMatchObject({ code: 'encryption', grondslag: 'art. 34 lid 3 onder a AVG' });
    expect(d.uitzondering!.motivering).toMatch(/^De gegevens op de gestolen laptop waren versleuteld/);
    const fr = incidentDocumentData({ ...ex('2026-006'), language: 'fr', date: NOW });
    expect(fr.beslispad[4]!.grondslag).toBe('article 34, paragraphe 3, point a), du RGPD');
  });

  it('explains the UAVG art. 42 exemption of a Wft office in its own words', () => {
    const d = incidentDocumentData({ ...ex('2026-105'), language: 'nl', date: NOW });
    expect(d.organisatie.wft_financiele_onderneming).toBe(true);
    expect(d.uitzondering).toMatchObject({ code: 'financial_undertaking', grondslag: 'art. 42 UAVG' });
    expect(d.uitzondering!.motivering).toContain('Wet op het financieel toezicht');
    expect(d.beslispad.at(-1)).toMatchObject({ stap: '6 (art. 42 UAVG)', antwoord: 'ja', grondslag: 'art. 42 UAVG' });
    expect(d.niet_informeren_reden).toContain('art. 42 UAVG');
  });

  it('shows an unassessed risk as the tool’s suggestion (2026-204)', () => {
    const d = incidentDocumentData({ ...ex('2026-204'), language: 'nl', date: NOW });
    expect(d.risico).toMatchObject({ beoordeeld: false, beoordeeld_door: null, beoordeeld_op: null, motivering: null, niveau: 'hoog risico' });
    expect(d.beslispad.find((s) => s.stap === '5')!.reden).toMatch(/^Het risico is nog niet door een verantwoordelijke persoon van het kantoor beoordeeld/);
  });

  it('derives the advice from the kinds of data', async () => {
    const d4 = incidentDocumentData({ ...ex('2026-004'), language: 'nl', date: NOW });
    const advice = d4.wat_kunt_u_doen.join(' ');
    expect(advice).toMatch(/phishing|links/); // contact data
    expect(advice).toContain('bankafschriften'); // financial data
    expect(advice).toContain('identiteitsfraude'); // BSN and ID copy
    expect(advice).toContain('nieuw identiteitsbewijs');
    expect(advice).not.toContain('wachtwoord van het betrokken account');
    const creds = await variant('2026-102', (i) => {
      i.personal_data.kinds = ['name', 'access_or_identification'];
    });
    const dc = incidentDocumentData({ ...creds, language: 'nl', date: NOW });
    expect(dc.wat_kunt_u_doen.join(' ')).toContain('Wijzig het wachtwoord');
    expect(dc.niet_getroffen.join(' ')).not.toContain('inloggegevens');
    // availability only: nothing to do
    const d6 = incidentDocumentData({ ...(await variant('2026-006', (i) => (i.what.nature = ['availability']))), language: 'nl', date: NOW });
    expect(d6.wat_kunt_u_doen).toEqual(['U hoeft zelf niets te doen. Merkt u dat gegevens in uw dossier ontbreken of niet kloppen, laat het ons dan weten.']);
  });

  it('reassures only about data that were not affected, and not at all when the data are unknown', async () => {
    const d = incidentDocumentData({ ...ex('2026-102'), language: 'nl', date: NOW });
    expect(d.niet_getroffen).toEqual([
      'uw burgerservicenummer (BSN) en kopieën van uw identiteitsbewijs',
      'uw bankrekeningnummer, creditcardgegevens en andere financiële gegevens',
      'uw inloggegevens en wachtwoorden',
      'gegevens over uw gezondheid en andere bijzondere persoonsgegevens',
    ]);
    const d4 = incidentDocumentData({ ...ex('2026-004'), language: 'nl', date: NOW });
    expect(d4.niet_getroffen.join(' ')).not.toMatch(/burgerservicenummer|bankrekeningnummer/);
    const unknown = incidentDocumentData({ ...(await variant('2026-102', (i) => (i.personal_data.kinds = ['unknown']))), language: 'nl', date: NOW });
    expect(unknown.niet_getroffen).toEqual([]);
    expect(unknown.heeft_niet_getroffen).toBe(false);
  });

  it('uses Belgian wording for a Belgian office', () => {
    const d = incidentDocumentData({ ...ex('2026-203'), language: 'nl', date: NOW });
    expect(d.gegevens).toContain('rijksregisternummer');
    expect(d.organisatie.ondernemingsnummer_soort).toBe('ondernemingsnummer');
    expect(d.autoriteit).toMatchObject({ code: 'GBA', naam: 'Gegevensbeschermingsautoriteit', belgie: true });
    expect(d.$zone).toBe('Europe/Brussels');
    expect(d.beslispad.map((s) => s.grondslag).join(' ')).not.toContain('UAVG');
    const fr = incidentDocumentData({ ...ex('2026-203'), language: 'fr', date: NOW });
    expect(fr.gegevens).toContain('numéro de registre national');
    expect(fr.autoriteit.naam_met_lidwoord).toBe('l’Autorité de protection des données');
    expect(fr.aanhef).toBe('Madame, Monsieur,');
    expect(fr.$taal).toBe('fr');
  });

  it('names the DPO as the contact, else the breach officer', async () => {
    const d = incidentDocumentData({ ...ex('2026-004'), language: 'nl', date: NOW });
    expect(d.contact).toMatchObject({ naam: 'mr. Laila Bouzid', telefoon: '030-555 0149', email: 'fg@vandam-advocaten.example' });
    expect(d.contact_is_fg).toBe(true);
    const e = ex('2026-004');
    const org = structuredClone(e.organisation);
    delete org.contacts.dpo;
    const d2 = incidentDocumentData({ ...e, organisation: org, language: 'nl', date: NOW });
    expect(d2.contact.naam).toBe('Sanne Verbeek');
    expect(d2.fg).toBeNull();
    expect(d2.heeft_fg).toBe(false);
  });

  it('gives the deadline, the hours used and lateness from the outcome', () => {
    const late = incidentDocumentData({ ...ex('2026-103'), language: 'nl', date: NOW });
    expect(late).toMatchObject({ deadline: '2026-06-04T12:35:00Z', uren_gebruikt: 95.92, te_laat: true, binnen_termijn: false, heeft_redenen_vertraging: true });
    const open = incidentDocumentData({ ...ex('2026-007'), language: 'nl', date: NOW });
    expect(open).toMatchObject({ autoriteit_gemeld: false, gemeld_op: null, melding_verplicht: true, te_laat: false, informeren_gepland: true });
    const none = incidentDocumentData({ ...ex('2026-101'), language: 'nl', date: NOW });
    expect(none).toMatchObject({ persoonsgegevens_betrokken: false, datalek: false, uren_gebruikt: null, heeft_uren_gebruikt: false, heeft_niet_gemeld_reden: true });
  });
});

describe('registerDocumentData', () => {
  it('keeps one row per incident in order, with every text on one line', () => {
    const e = ex('2026-004');
    const rows = examples.filter((x) => x.organisation.id === e.organisation.id);
    const reg = registerDocumentData({ organisation: e.organisation, rows, language: 'nl', date: NOW });
    expect(reg.incidenten.map((r) => r.nummer)).toEqual(rows.map((r) => r.incident.id));
    expect(reg).toMatchObject({ aantal_incidenten: 7, aantal_datalekken: 6, aantal_gemeld: 4 });
    for (const r of reg.incidenten) {
      for (const [k, v] of Object.entries(r)) {
        if (typeof v === 'string') expect(v, `${r.nummer}.${k}`).not.toMatch(/[\r\n]/);
        if (Array.isArray(v)) for (const s of v) expect(s, `${r.nummer}.${k}`).not.toMatch(/[\r\n]/);
      }
    }
  });
});
