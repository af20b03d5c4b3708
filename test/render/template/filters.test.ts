import { describe, expect, it } from 'vitest';
import {
  aantal,
  bedrag,
  bereik,
  createFilters,
  date,
  datecourte,
  dateheure,
  datum,
  datumkort,
  datumtijd,
  FILTER_NAMES,
  fourchette,
  heure,
  heures,
  hoofdletter,
  janee,
  liste,
  lijst,
  majuscule,
  montant,
  nombre,
  ouinon,
  tijd,
  uren,
} from '../../../src/render/template/filters.js';
import { ExpressionProblem } from '../../../src/render/template/errors.js';

const NBSP = '\u00a0';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ExpressionProblem ? e.code : `not an ExpressionProblem: ${String(e)}`;
  }
  return undefined;
}

describe('dates and times (Europe/Amsterdam by default)', () => {
  it.each([
    // [input, datum, datumkort, tijd, datumtijd]
    ['2026-11-22T14:30:00+01:00', '22 november 2026', '22-11-2026', '14:30', '22 november 2026 om 14:30 uur'],
    // summer time: written with +02:00, shown as the same wall time
    ['2026-07-01T14:30:00+02:00', '1 juli 2026', '01-07-2026', '14:30', '1 juli 2026 om 14:30 uur'],
    // the same summer instant written in UTC
    ['2026-07-01T12:30:00Z', '1 juli 2026', '01-07-2026', '14:30', '1 juli 2026 om 14:30 uur'],
    // a winter instant written with a summer offset is still shown in winter time
    ['2026-01-15T09:00:00+02:00', '15 januari 2026', '15-01-2026', '08:00', '15 januari 2026 om 08:00 uur'],
    // late evening UTC is the next day in Amsterdam
    ['2026-12-31T23:30:00Z', '1 januari 2027', '01-01-2027', '00:30', '1 januari 2027 om 00:30 uur'],
    // around the spring change (29 March 2026, 02:00 CET -> 03:00 CEST)
    ['2026-03-29T00:59:00Z', '29 maart 2026', '29-03-2026', '01:59', '29 maart 2026 om 01:59 uur'],
    ['2026-03-29T01:00:00Z', '29 maart 2026', '29-03-2026', '03:00', '29 maart 2026 om 03:00 uur'],
    // around the autumn change (25 October 2026, 03:00 CEST -> 02:00 CET)
    ['2026-10-25T00:30:00Z', '25 oktober 2026', '25-10-2026', '02:30', '25 oktober 2026 om 02:30 uur'],
    ['2026-10-25T01:30:00Z', '25 oktober 2026', '25-10-2026', '02:30', '25 oktober 2026 om 02:30 uur'],
    // offsets without colon, fractions of seconds
    ['2026-05-04T10:15:30.250+0200', '4 mei 2026', '04-05-2026', '10:15', '4 mei 2026 om 10:15 uur'],
  ])('%s', (input, d, dk, t, dt) => {
    expect(datum(input)).toBe(d);
    expect(datumkort(input)).toBe(dk);
    expect(tijd(input)).toBe(t);
    expect(datumtijd(input)).toBe(dt);
  });

  it('takes Date objects as instants', () => {
    expect(datumtijd(new Date('2026-08-10T06:05:00Z'))).toBe('10 augustus 2026 om 08:05 uur');
  });

  it('shows the wall time of another zone (Europe/Brussels, UTC, America/New_York)', () => {
    expect(tijd('2026-07-01T12:30:00Z', 'Europe/Brussels')).toBe('14:30');
    expect(tijd('2026-07-01T12:30:00Z', 'UTC')).toBe('12:30');
    expect(datumtijd('2026-07-01T02:30:00Z', 'America/New_York')).toBe('30 juni 2026 om 22:30 uur');
  });

  it('shows a calendar date as that day in any zone, and refuses its time', () => {
    expect(datum('2026-11-22')).toBe('22 november 2026');
    expect(datum('2026-11-22', 'Pacific/Kiritimati')).toBe('22 november 2026');
    expect(datumkort('2026-02-03')).toBe('03-02-2026');
    expect(codeOf(() => tijd('2026-11-22'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => datumtijd('2026-11-22'))).toBe('DL-TEMPLATE-BAD-VALUE');
  });

  it('refuses date-times without offset, impossible dates and non-dates', () => {
    expect(codeOf(() => datum('2026-11-22T14:30:00'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => datum('2026-02-30'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => datum('2026-11-22T25:00:00Z'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => datum('gisteren'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => datum(20261122))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => datum(new Date(Number.NaN)))).toBe('DL-TEMPLATE-BAD-VALUE');
  });

  it('gives the same wall time for an instant asked again, in another zone, and past the memory of a few thousand', () => {
    // Wall times are remembered by zone and instant (filters.ts, zonedTime): asking again, or
    // for the same instant in another zone, or after the memory was emptied, changes nothing.
    const check = (iso: string): void => {
      const d = new Date(iso);
      const parts = (zone: string) => Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(d).map((p) => [p.type, Number(p.value)]));
      for (const zone of ['Europe/Amsterdam', 'America/New_York']) {
        const w = parts(zone);
        expect(datumtijd(iso, zone)).toBe(datumtijd(iso, zone));
        expect(tijd(iso, zone)).toBe(`${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`);
        expect(datumkort(iso, zone)).toBe(`${String(w.day).padStart(2, '0')}-${String(w.month).padStart(2, '0')}-${w.year}`);
      }
    };
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 5000; i += 1) check(new Date(start + i * 3_600_000 * 1.75).toISOString());
    check('2026-11-22T14:30:00+01:00');
  });

  it('French: date, datecourte, heure, dateheure ("1er" for the first)', () => {
    expect(date('2026-11-22T14:30:00+01:00')).toBe('22 novembre 2026');
    expect(date('2026-08-01')).toBe('1er août 2026');
    expect(datecourte('2026-07-01T14:30:00+02:00')).toBe('01/07/2026');
    expect(heure('2026-07-01T12:30:00Z', 'Europe/Brussels')).toBe('14h30');
    expect(dateheure('2026-02-01T08:05:00+01:00', 'Europe/Brussels')).toBe('1er février 2026 à 08h05');
  });
});

describe('yes/no and lists', () => {
  it('janee / ouinon', () => {
    expect(janee(true)).toBe('ja');
    expect(janee(false)).toBe('nee');
    expect(ouinon(true)).toBe('oui');
    expect(ouinon(false)).toBe('non');
    expect(codeOf(() => janee('ja'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => janee(1))).toBe('DL-TEMPLATE-BAD-VALUE');
  });

  it('lijst / liste', () => {
    expect(lijst([])).toBe('');
    expect(lijst(['naam'])).toBe('naam');
    expect(lijst(['naam', 'adres'])).toBe('naam en adres');
    expect(lijst(['naam', 'adres', 'BSN'])).toBe('naam, adres en BSN');
    expect(lijst(['a', 2, 'c'])).toBe('a, 2 en c');
    expect(liste(['nom', 'adresse', 'numéro national'])).toBe('nom, adresse et numéro national');
    expect(codeOf(() => lijst('naam'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => lijst([{ a: 1 }]))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => lijst(['a', null]))).toBe('DL-TEMPLATE-MISSING-VALUE');
  });
});

describe('numbers', () => {
  it('aantal: Dutch thousands separator, decimal comma, singular/plural', () => {
    expect(aantal(0)).toBe('0');
    expect(aantal(1250)).toBe('1.250');
    expect(aantal(1234567)).toBe('1.234.567');
    expect(aantal(2.5)).toBe('2,5');
    expect(aantal(-1250)).toBe('-1.250');
    expect(aantal(0.004)).toBe('0');
    expect(aantal(-0.001)).toBe('0');
    expect(aantal(1.999)).toBe('2');
    expect(aantal(0.1 + 0.2)).toBe('0,3');
    expect(aantal(1, 'persoon', 'personen')).toBe('1 persoon');
    expect(aantal(12, 'persoon', 'personen')).toBe('12 personen');
    expect(aantal(0, 'persoon', 'personen')).toBe('0 personen');
    expect(aantal(1250, 'persoon', 'personen')).toBe('1.250 personen');
    expect(aantal(3, 'keer')).toBe('3 keer');
    expect(codeOf(() => aantal('12'))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => aantal(Number.NaN))).toBe('DL-TEMPLATE-BAD-VALUE');
  });

  it('nombre: French, no-break space, singular below 2', () => {
    expect(nombre(1250)).toBe(`1${NBSP}250`);
    expect(nombre(0, 'personne', 'personnes')).toBe('0 personne');
    expect(nombre(1, 'personne', 'personnes')).toBe('1 personne');
    expect(nombre(12, 'personne', 'personnes')).toBe('12 personnes');
  });

  it('bereik / fourchette', () => {
    expect(bereik(10, 50)).toBe('tussen 10 en 50');
    expect(bereik(50, 50)).toBe('50');
    expect(bereik(1000, 2500)).toBe('tussen 1.000 en 2.500');
    expect(bereik(10, 50, 'persoon', 'personen')).toBe('tussen 10 en 50 personen');
    expect(bereik(1, 1, 'persoon', 'personen')).toBe('1 persoon');
    expect(bereik([10, 50])).toBe('tussen 10 en 50');
    expect(bereik([7, 7], 'persoon', 'personen')).toBe('7 personen');
    expect(fourchette(10, 50, 'personne', 'personnes')).toBe('entre 10 et 50 personnes');
    expect(fourchette(1, 1, 'personne', 'personnes')).toBe('1 personne');
    expect(codeOf(() => bereik(50, 10))).toBe('DL-TEMPLATE-BAD-VALUE');
    expect(codeOf(() => bereik(10, undefined))).toBe('DL-TEMPLATE-MISSING-VALUE');
    expect(codeOf(() => bereik(10, null))).toBe('DL-TEMPLATE-MISSING-VALUE');
  });

  it('uren / heures', () => {
    expect(uren(41)).toBe('41 uur');
    expect(uren(1)).toBe('1 uur');
    expect(uren(72)).toBe('72 uur');
    expect(uren(1.5)).toBe('1,5 uur');
    expect(heures(1)).toBe('1 heure');
    expect(heures(1.5)).toBe('1,5 heure');
    expect(heures(41)).toBe('41 heures');
  });

  it('bedrag / montant', () => {
    expect(bedrag(1250)).toBe('€ 1.250,00');
    expect(bedrag(0.5)).toBe('€ 0,50');
    expect(bedrag(1234567.891)).toBe('€ 1.234.567,89');
    expect(bedrag(1.005)).toBe('€ 1,01');
    expect(bedrag(-20)).toBe('€ -20,00');
    expect(montant(1250)).toBe(`1${NBSP}250,00${NBSP}€`);
  });
});

describe('text', () => {
  it('hoofdletter / majuscule', () => {
    expect(hoofdletter('geachte heer')).toBe('Geachte heer');
    expect(hoofdletter('ijsselmeer')).toBe('IJsselmeer');
    expect(hoofdletter('élan')).toBe('Élan');
    expect(hoofdletter('')).toBe('');
    expect(majuscule('madame')).toBe('Madame');
    expect(codeOf(() => hoofdletter(12))).toBe('DL-TEMPLATE-BAD-VALUE');
  });
});

describe('missing input never prints "undefined"', () => {
  const filters = createFilters();
  it.each(FILTER_NAMES.map((n) => [n]))('%s: undefined and null raise DL-TEMPLATE-MISSING-VALUE', (name) => {
    const f = filters[name]!;
    expect(codeOf(() => f(undefined))).toBe('DL-TEMPLATE-MISSING-VALUE');
    expect(codeOf(() => f(null))).toBe('DL-TEMPLATE-MISSING-VALUE');
  });
});

describe('createFilters', () => {
  it('binds the zone and has no prototype', () => {
    const nl = createFilters({ zone: 'Europe/Amsterdam' });
    const utc = createFilters({ zone: 'UTC' });
    expect(nl.tijd!('2026-07-01T12:30:00Z')).toBe('14:30');
    expect(utc.tijd!('2026-07-01T12:30:00Z')).toBe('12:30');
    expect(Object.getPrototypeOf(nl)).toBeNull();
    expect(Object.isFrozen(nl)).toBe(true);
    expect('constructor' in nl).toBe(false);
    expect(Object.keys(nl).sort()).toEqual([...FILTER_NAMES].sort());
  });

  it('refuses an unknown time zone', () => {
    expect(codeOf(() => createFilters({ zone: 'Mars/Olympus' }))).toBe('DL-TEMPLATE-BAD-VALUE');
  });
});
