/**
 * FIELD_DOCS: every field of the data handed to templates, with its type and a one-line Dutch
 * description, for template authors (`datalek fields`) and template lint. Nested fields are
 * dotted paths (`organisatie.naam`); fields of list items read `beslispad[].reden`.
 * test/documents/fields.test.ts checks that these docs and the objects data.ts builds for every
 * bundled example agree exactly.
 */

export type FieldType =
  | 'tekst'
  | 'getal'
  | 'ja/nee'
  /** ISO-8601 instant with offset or Z: print with datum, datumtijd, tijd (date, dateheure, heure). */
  | 'tijdstip'
  /** An instant, or a plain date (YYYY-MM-DD) when only the day is known. */
  | 'datum of tijdstip'
  | 'lijst van teksten'
  | 'lijst van groepen'
  | 'groep';

export interface FieldDoc {
  type: FieldType;
  /** The value can be null (leeg): guard it with a section, e.g. {#heeft_…}…{/heeft_…}. */
  leeg: boolean;
  /** One line, Dutch. */
  omschrijving: string;
}

type Spec = [type: FieldType | `${FieldType}?`, omschrijving: string];

function docs(prefix: string, specs: Record<string, Spec>): Record<string, FieldDoc> {
  const out: Record<string, FieldDoc> = {};
  for (const [name, [t, omschrijving]] of Object.entries(specs)) {
    const leeg = t.endsWith('?');
    out[prefix + name] = { type: (leeg ? t.slice(0, -1) : t) as FieldType, leeg, omschrijving };
  }
  return out;
}

const COMMON: Record<string, Spec> = {
  $zone: ['tekst', 'tijdzone van het kantoor (IANA-naam, bijv. Europe/Amsterdam); de datumfilters tonen tijden in deze zone'],
  $taal: ['tekst', 'taal van het document: nl of fr'],
  documentdatum: ['tijdstip', 'datum van het document, bijv. {documentdatum | datum}'],
  plaats: ['tekst', 'plaatsnaam boven brieven ("Utrecht, 22 november 2026"): briefhoofd.plaats, anders de vestigingsplaats'],
  organisatie: ['groep', 'het kantoor (de verwerkingsverantwoordelijke)'],
  autoriteit: ['groep', 'de bevoegde toezichthouder'],
  meldingsverantwoordelijke: ['groep', 'de meldingsverantwoordelijke van het kantoor'],
};

function organisationDocs(p: string): Record<string, Spec> {
  return {
    [`${p}naam`]: ['tekst', 'naam van het kantoor'],
    [`${p}adres`]: ['tekst', 'adres op één regel: straat, postcode en plaats'],
    [`${p}straat`]: ['tekst', 'straat en huisnummer'],
    [`${p}postcode`]: ['tekst', 'postcode'],
    [`${p}plaats`]: ['tekst', 'vestigingsplaats'],
    [`${p}land`]: ['tekst', 'land van vestiging, voluit (Nederland, België)'],
    [`${p}land_code`]: ['tekst', 'landcode van het adres: NL of BE'],
    [`${p}nederland`]: ['ja/nee', 'het kantoor is in Nederland gevestigd'],
    [`${p}belgie`]: ['ja/nee', 'het kantoor is in België gevestigd'],
    [`${p}ondernemingsnummer`]: ['tekst', 'KvK-nummer (NL) of ondernemingsnummer (KBO, BE)'],
    [`${p}ondernemingsnummer_soort`]: ['tekst', 'naam van dat nummer: "KvK-nummer" of "ondernemingsnummer"'],
    [`${p}sector`]: ['tekst', 'sector van het kantoor, voluit'],
    [`${p}beroepsgeheim`]: ['ja/nee', 'het kantoor is aan een beroepsgeheim gebonden'],
    [`${p}wft_financiele_onderneming`]: ['ja/nee', 'Nederlandse financiële onderneming onder de Wft (art. 42 UAVG)'],
    [`${p}ondertitel`]: ['tekst?', 'regel onder de naam in het briefhoofd; leeg als niet ingevuld (zie heeft_ondertitel)'],
    [`${p}heeft_ondertitel`]: ['ja/nee', 'er is een ondertitel voor het briefhoofd'],
    [`${p}website`]: ['tekst?', 'website in het briefhoofd; leeg als niet ingevuld'],
    [`${p}heeft_website`]: ['ja/nee', 'er is een website voor het briefhoofd'],
    [`${p}email`]: ['tekst?', 'algemeen e-mailadres in het briefhoofd; leeg als niet ingevuld'],
    [`${p}heeft_email`]: ['ja/nee', 'er is een algemeen e-mailadres voor het briefhoofd'],
    [`${p}telefoon`]: ['tekst?', 'algemeen telefoonnummer in het briefhoofd; leeg als niet ingevuld'],
    [`${p}heeft_telefoon`]: ['ja/nee', 'er is een algemeen telefoonnummer voor het briefhoofd'],
    [`${p}logo`]: ['tekst?', 'bestand van het logo, relatief aan templates/<kantoor>/; leeg als er geen is'],
    [`${p}heeft_logo`]: ['ja/nee', 'er is een logo'],
  };
}

function authorityDocs(p: string): Record<string, Spec> {
  return {
    [`${p}code`]: ['tekst', 'code van de toezichthouder: AP, GBA, VTC of COC'],
    [`${p}naam`]: ['tekst', 'volledige naam van de toezichthouder in de taal van het document'],
    [`${p}naam_met_lidwoord`]: ['tekst', 'volledige naam met lidwoord, voor in een zin: "de Autoriteit Persoonsgegevens", "l’Autorité de protection des données"'],
    [`${p}korte_naam`]: ['tekst', 'korte naam: AP, GBA (Frans: APD), VTC, COC'],
    [`${p}nederland`]: ['ja/nee', 'de toezichthouder is de Nederlandse Autoriteit Persoonsgegevens'],
    [`${p}belgie`]: ['ja/nee', 'de toezichthouder is een Belgische autoriteit (GBA, VTC of COC)'],
  };
}

function contactDocs(p: string, who: string): Record<string, Spec> {
  return {
    [`${p}naam`]: ['tekst', `naam van ${who}`],
    [`${p}functie`]: ['tekst?', `functie van ${who}; leeg als niet ingevuld`],
    [`${p}heeft_functie`]: ['ja/nee', `de functie van ${who} is bekend`],
    [`${p}email`]: ['tekst', `e-mailadres van ${who}`],
    [`${p}telefoon`]: ['tekst', `telefoonnummer van ${who}`],
  };
}

function personDocs(p: string, who: string): Record<string, Spec> {
  return {
    [`${p}naam`]: ['tekst', `naam van ${who}`],
    [`${p}functie`]: ['tekst?', `functie van ${who}; leeg als niet ingevuld`],
    [`${p}heeft_functie`]: ['ja/nee', `de functie van ${who} is bekend`],
    [`${p}email`]: ['tekst?', `e-mailadres van ${who}; leeg als niet ingevuld`],
    [`${p}heeft_email`]: ['ja/nee', `het e-mailadres van ${who} is bekend`],
    [`${p}telefoon`]: ['tekst?', `telefoonnummer van ${who}; leeg als niet ingevuld`],
    [`${p}heeft_telefoon`]: ['ja/nee', `het telefoonnummer van ${who} is bekend`],
  };
}

/** Facts that the incident documents and each register row share. */
function factDocs(p: string): Record<string, Spec> {
  return {
    [`${p}nummer`]: ['tekst', 'nummer van het incident, bijv. 2026-004'],
    [`${p}titel`]: ['tekst', 'korte titel van het incident'],
    [`${p}open`]: ['ja/nee', 'het incident is nog niet afgesloten'],
    [`${p}status`]: ['tekst', 'status in woorden: open of afgesloten'],
    [`${p}ontdekt_op`]: ['tijdstip', 'moment waarop het incident is ontdekt'],
    [`${p}kennisname_op`]: ['tijdstip', 'moment van kennisname; de termijn van 72 uur loopt vanaf hier'],
    [`${p}feiten`]: ['tekst', 'wat er is gebeurd, in de woorden van het kantoor'],
    [`${p}soort_incident`]: ['tekst', 'soort incident volgens de lijst van het meldformulier'],
    [`${p}gegevens`]: ['lijst van teksten', 'soorten betrokken persoonsgegevens (naam, BSN, ...); leeg als er geen persoonsgegevens zijn betrokken'],
    [`${p}heeft_gegevens`]: ['ja/nee', 'er zijn soorten persoonsgegevens vastgelegd'],
    [`${p}bijzondere_gegevens`]: ['lijst van teksten', 'bijzondere categorieën persoonsgegevens (art. 9 AVG)'],
    [`${p}heeft_bijzondere_gegevens`]: ['ja/nee', 'er zijn bijzondere persoonsgegevens betrokken'],
    [`${p}persoonsgegevens_betrokken`]: ['ja/nee', 'er zijn persoonsgegevens betrokken (stap 1 van het beslispad)'],
    [`${p}aantal_betrokkenen`]: ['getal?', 'exact aantal betrokkenen; leeg als alleen een minimum en maximum bekend zijn (zie aantal_exact)'],
    [`${p}betrokkenen_min`]: ['getal?', 'minimum aantal betrokkenen (bij een exact aantal: dat aantal); leeg als onbekend'],
    [`${p}betrokkenen_max`]: ['getal?', 'maximum aantal betrokkenen (bij een exact aantal: dat aantal); leeg als onbekend'],
    [`${p}aantal_exact`]: ['ja/nee', 'het exacte aantal betrokkenen is bekend: gebruik aantal_betrokkenen'],
    [`${p}aantal_bereik`]: ['ja/nee', 'een minimum en een maximum zijn bekend: {betrokkenen_min | bereik:betrokkenen_max}'],
    [`${p}aantal_ten_minste`]: ['ja/nee', 'alleen een minimum is bekend (betrokkenen_min)'],
    [`${p}aantal_ten_hoogste`]: ['ja/nee', 'alleen een maximum is bekend (betrokkenen_max)'],
    [`${p}aantal_onbekend`]: ['ja/nee', 'het aantal betrokkenen is onbekend'],
    [`${p}gevolgen`]: ['lijst van teksten', 'gevolgen voor de betrokkenen (identiteitsfraude, financiële schade, ...)'],
    [`${p}heeft_gevolgen`]: ['ja/nee', 'er zijn gevolgen voor de betrokkenen vastgelegd'],
    [`${p}gevolgen_gegevens`]: ['lijst van teksten', 'gevolgen voor de gegevens (onbevoegde kennisname, misbruik, ...)'],
    [`${p}heeft_gevolgen_gegevens`]: ['ja/nee', 'er zijn gevolgen voor de gegevens vastgelegd'],
    [`${p}ernst`]: ['tekst?', 'geschatte ernst: verwaarloosbaar, beperkt, aanzienlijk of zeer groot; leeg als niet geschat'],
    [`${p}heeft_ernst`]: ['ja/nee', 'de ernst is geschat'],
    [`${p}gevolgen_toelichting`]: ['tekst?', 'toelichting van het kantoor op de gevolgen; leeg als niet ingevuld'],
    [`${p}heeft_gevolgen_toelichting`]: ['ja/nee', 'er is een toelichting op de gevolgen'],
    [`${p}maatregelen_genomen`]: ['lijst van teksten', 'genomen maatregelen'],
    [`${p}heeft_maatregelen_genomen`]: ['ja/nee', 'er zijn genomen maatregelen vastgelegd'],
    [`${p}maatregelen_gepland`]: ['lijst van teksten', 'geplande maatregelen'],
    [`${p}heeft_maatregelen_gepland`]: ['ja/nee', 'er zijn geplande maatregelen vastgelegd'],
    [`${p}datalek`]: ['ja/nee', 'het incident is een inbreuk in verband met persoonsgegevens (stappen 1 tot 3)'],
    [`${p}risiconiveau`]: ['tekst', 'vastgesteld (of voorgesteld) risiconiveau in woorden: geen risico, risico of hoog risico'],
    [`${p}melding_verplicht`]: ['ja/nee', 'melding bij de toezichthouder is verplicht (art. 33 AVG)'],
    [`${p}autoriteit_gemeld`]: ['ja/nee', 'het incident is bij de toezichthouder gemeld'],
    [`${p}gemeld_op`]: ['tijdstip?', 'moment van de (eerste) melding bij de toezichthouder; leeg als niet gemeld'],
    [`${p}meldnummer`]: ['tekst?', 'meldnummer van de toezichthouder; leeg als (nog) niet bekend'],
    [`${p}heeft_meldnummer`]: ['ja/nee', 'er is een meldnummer'],
    [`${p}niet_gemeld_reden`]: ['tekst?', 'waarom niet is gemeld (register); leeg als er gemeld is of moet worden'],
    [`${p}heeft_niet_gemeld_reden`]: ['ja/nee', 'er is een reden vastgelegd waarom niet is gemeld'],
    [`${p}te_laat`]: ['ja/nee', 'gemeld na de termijn van 72 uur, of de termijn is verstreken zonder melding'],
    [`${p}redenen_vertraging`]: ['tekst?', 'redenen voor melding na 72 uur; leeg als niet ingevuld'],
    [`${p}heeft_redenen_vertraging`]: ['ja/nee', 'er zijn redenen voor de vertraging vastgelegd'],
    [`${p}betrokkenen_informeren`]: ['ja/nee', 'de betrokkenen moeten worden geïnformeerd (art. 34 AVG, na uitzonderingen)'],
    [`${p}betrokkenen_geinformeerd`]: ['ja/nee', 'de betrokkenen zijn geïnformeerd'],
    [`${p}geinformeerd_op`]: ['tijdstip?', 'moment waarop de betrokkenen zijn geïnformeerd; leeg als (nog) niet'],
    [`${p}informeren_gepland`]: ['ja/nee', 'informeren van de betrokkenen is gepland maar nog niet gedaan'],
    [`${p}kanalen`]: ['lijst van teksten', 'kanalen waarlangs de betrokkenen (worden) geïnformeerd'],
    [`${p}heeft_kanalen`]: ['ja/nee', 'er zijn kanalen vastgelegd'],
    [`${p}aantal_geinformeerd`]: ['getal?', 'aantal geïnformeerde betrokkenen; leeg als niet ingevuld'],
    [`${p}heeft_aantal_geinformeerd`]: ['ja/nee', 'het aantal geïnformeerde betrokkenen is bekend'],
    [`${p}niet_informeren_reden`]: ['tekst?', 'waarom de betrokkenen niet worden geïnformeerd; leeg als zij zijn of worden geïnformeerd'],
    [`${p}heeft_niet_informeren_reden`]: ['ja/nee', 'er is een reden waarom de betrokkenen niet worden geïnformeerd'],
    [`${p}politie_gemeld`]: ['ja/nee', 'er is aangifte gedaan bij de politie'],
    [`${p}politie_gemeld_op`]: ['tijdstip?', 'moment van de aangifte; leeg als niet bekend of geen aangifte'],
    [`${p}heeft_politie_gemeld_op`]: ['ja/nee', 'het moment van de aangifte is bekend'],
    [`${p}politie_kenmerk`]: ['tekst?', 'kenmerk (proces-verbaalnummer) van de aangifte; leeg als niet bekend'],
    [`${p}heeft_politie_kenmerk`]: ['ja/nee', 'het kenmerk van de aangifte is bekend'],
    [`${p}verzekeraar_ingelicht`]: ['ja/nee', 'de verzekeraar van het kantoor is ingelicht'],
    [`${p}verzekeraar_ingelicht_op`]: ['tijdstip?', 'moment waarop de verzekeraar is ingelicht; leeg als niet'],
  };
}

const INCIDENT: Record<string, Spec> = {
  ...COMMON,
  ...organisationDocs('organisatie.'),
  ...authorityDocs('autoriteit.'),
  ...contactDocs('meldingsverantwoordelijke.', 'de meldingsverantwoordelijke'),
  aanhef: ['tekst', 'aanhef van de brief als de naam van de ontvanger niet bekend is: "Geachte heer, mevrouw,"'],
  contact: ['groep', 'aanspreekpunt voor vragen in de brief: de FG als die er is, anders de meldingsverantwoordelijke'],
  ...contactDocs('contact.', 'het aanspreekpunt'),
  contact_is_fg: ['ja/nee', 'het aanspreekpunt is de functionaris gegevensbescherming'],
  directie: ['groep', 'de directie van het kantoor'],
  ...contactDocs('directie.', 'de directie'),
  fg: ['groep?', 'de functionaris gegevensbescherming (FG); leeg als het kantoor er geen heeft'],
  ...contactDocs('fg.', 'de FG'),
  heeft_fg: ['ja/nee', 'het kantoor heeft een functionaris gegevensbescherming'],
  ondertekening: ['groep', 'wie de brief ondertekent (briefhoofd.ondertekenaar, anders de directie)'],
  'ondertekening.naam': ['tekst', 'naam van de ondertekenaar'],
  'ondertekening.functie': ['tekst?', 'functie van de ondertekenaar; leeg als niet ingevuld'],
  'ondertekening.heeft_functie': ['ja/nee', 'de functie van de ondertekenaar is bekend'],
  melder: ['groep', 'wie het incident binnen het kantoor heeft gemeld'],
  ...personDocs('melder.', 'de interne melder'),
  verwerker: ['groep?', 'de betrokken verwerker (bijv. IT-leverancier); leeg als er geen verwerker bij betrokken is'],
  'verwerker.naam': ['tekst', 'naam van de verwerker'],
  'verwerker.rol': ['tekst?', 'rol van de verwerker; leeg als niet ingevuld'],
  'verwerker.heeft_rol': ['ja/nee', 'de rol van de verwerker is bekend'],
  'verwerker.contact': ['groep?', 'contactpersoon bij de verwerker; leeg als niet ingevuld'],
  ...personDocs('verwerker.contact.', 'de contactpersoon bij de verwerker'),
  'verwerker.heeft_contact': ['ja/nee', 'er is een contactpersoon bij de verwerker'],
  'verwerker.ingelicht_op': ['tijdstip?', 'wanneer de verwerker het kantoor inlichtte (art. 33 lid 2 AVG); leeg als niet bekend'],
  'verwerker.heeft_ingelicht_op': ['ja/nee', 'het moment waarop de verwerker het kantoor inlichtte is bekend'],
  heeft_verwerker: ['ja/nee', 'er is een verwerker bij het incident betrokken'],
  incident: ['groep', 'het incidentdossier'],
  'incident.nummer': ['tekst', 'nummer van het incident'],
  'incident.titel': ['tekst', 'titel van het incident'],
  'incident.bestand': ['tekst', 'het YAML-bestand van het incident'],
  'incident.afgesloten_op': ['tijdstip?', 'moment waarop het incident is afgesloten; leeg als het nog open is'],
  'incident.heeft_afgesloten_op': ['ja/nee', 'het incident is afgesloten'],
  ...factDocs(''),
  begonnen_op: ['datum of tijdstip?', '(mogelijk) begin van de inbreuk; leeg als onbekend'],
  heeft_begonnen_op: ['ja/nee', 'het begin van de inbreuk is bekend'],
  begonnen_op_met_tijd: ['ja/nee', 'het begin is een tijdstip (datumtijd); anders alleen een dag (datum)'],
  beeindigd_op: ['datum of tijdstip?', 'einde van de inbreuk; leeg als onbekend of nog gaande'],
  heeft_beeindigd_op: ['ja/nee', 'het einde van de inbreuk is bekend'],
  beeindigd_op_met_tijd: ['ja/nee', 'het einde is een tijdstip (datumtijd); anders alleen een dag (datum)'],
  loopt_nog: ['ja/nee', 'de inbreuk duurt nog voort'],
  ontdekking: ['tekst?', 'hoe het incident is ontdekt; leeg als niet ingevuld'],
  heeft_ontdekking: ['ja/nee', 'er is vastgelegd hoe het incident is ontdekt'],
  oorzaak: ['tekst?', 'oorzaak van het incident; leeg als niet ingevuld'],
  heeft_oorzaak: ['ja/nee', 'de oorzaak is vastgelegd'],
  aard: ['lijst van teksten', 'aard van de inbreuk: vertrouwelijkheid, integriteit en/of beschikbaarheid, met uitleg'],
  aard_vertrouwelijkheid: ['ja/nee', 'de vertrouwelijkheid is geschonden'],
  aard_integriteit: ['ja/nee', 'de integriteit is geschonden'],
  aard_beschikbaarheid: ['ja/nee', 'de beschikbaarheid is geschonden'],
  beschikbaarheid_verlies: ['tekst?', 'bij beschikbaarheid: tijdelijk niet beschikbaar of blijvend verloren; leeg als niet van toepassing'],
  heeft_beschikbaarheid_verlies: ['ja/nee', 'het soort verlies van beschikbaarheid is bekend'],
  integriteit_herstel: ['tekst?', 'bij integriteit: of de juiste gegevens kunnen worden hersteld; leeg als niet van toepassing'],
  heeft_integriteit_herstel: ['ja/nee', 'het herstel van gewijzigde gegevens is vastgelegd'],
  blootstelling: ['tekst?', 'bij vertrouwelijkheid: wie de gegevens kon zien; leeg als niet van toepassing'],
  heeft_blootstelling: ['ja/nee', 'vastgelegd is wie de gegevens kon zien'],
  kwaadwillig: ['ja/nee', 'er was sprake van kwade opzet'],
  exfiltratie: ['tekst', 'of gegevens zijn gekopieerd of weggenomen, in woorden'],
  inloggegevens: ['groep?', 'gelekte inloggegevens; leeg als er geen zijn gelekt'],
  'inloggegevens.opent': ['tekst', 'waartoe de inloggegevens toegang geven'],
  'inloggegevens.categorie': ['tekst', 'ENISA-categorie van die achterliggende gegevens'],
  heeft_inloggegevens: ['ja/nee', 'er zijn inloggegevens gelekt'],
  gegevens_omschrijving: ['tekst?', 'omschrijving van de betrokken gegevens; leeg als niet ingevuld'],
  heeft_gegevens_omschrijving: ['ja/nee', 'er is een omschrijving van de gegevens'],
  aantal_records: ['getal?', 'aantal gegevensrecords (mag geschat zijn); leeg als onbekend'],
  heeft_aantal_records: ['ja/nee', 'het aantal records is bekend'],
  records_geschat: ['ja/nee', 'het aantal records is een schatting'],
  betrokkenen_groepen: ['lijst van teksten', 'groepen betrokkenen (klanten, werknemers, minderjarigen, ...)'],
  heeft_betrokkenen_groepen: ['ja/nee', 'er zijn groepen betrokkenen vastgelegd'],
  betrokkenen_omschrijving: ['tekst?', 'omschrijving van de betrokkenen; leeg als niet ingevuld'],
  heeft_betrokkenen_omschrijving: ['ja/nee', 'er is een omschrijving van de betrokkenen'],
  kwetsbaar: ['ja/nee', 'er zijn kwetsbare personen (minderjarigen, patiënten) onder de betrokkenen'],
  landen: ['lijst van teksten', 'landen waar de betrokkenen wonen'],
  heeft_landen: ['ja/nee', 'de landen van de betrokkenen zijn vastgelegd'],
  landen_buitenland: ['lijst van teksten', 'landen buiten het land van het kantoor waar betrokkenen wonen'],
  buitenland: ['ja/nee', 'er wonen betrokkenen in een ander land dan dat van het kantoor'],
  beveiliging: ['tekst', 'beveiliging van de gegevens vooraf: niet versleuteld, versleuteld, gehasht, ...'],
  versleuteld: ['ja/nee', 'de gegevens waren versleuteld, gehasht of anderszins onleesbaar gemaakt'],
  stand_van_de_techniek: ['ja/nee', 'die beveiliging voldeed aan de stand van de techniek'],
  sleutel_gecompromitteerd: ['ja/nee', 'de sleutel of het wachtwoord is in handen van onbevoegden gekomen'],
  beveiliging_toelichting: ['tekst?', 'hoe de gegevens waren beveiligd; leeg als niet ingevuld'],
  heeft_beveiliging_toelichting: ['ja/nee', 'er is een toelichting op de beveiliging'],
  back_up: ['groep', 'back-up van de gegevens'],
  'back_up.beschikbaar': ['ja/nee', 'er was een bruikbare back-up'],
  'back_up.hersteld': ['ja/nee', 'de gegevens zijn uit de back-up hersteld'],
  'back_up.hersteltijd_uren': ['getal?', 'hoeveel uur het herstel duurde; leeg als niet ingevuld'],
  'back_up.heeft_hersteltijd': ['ja/nee', 'de hersteltijd is bekend'],
  inperking: ['lijst van teksten', 'inperking in zinnen: teruggevonden, verwijderd door de ontvanger, op afstand gewist, ...'],
  heeft_inperking: ['ja/nee', 'er zijn inperkingsmaatregelen vastgelegd'],
  inperking_toelichting: ['tekst?', 'toelichting van het kantoor op de inperking; leeg als niet ingevuld'],
  heeft_inperking_toelichting: ['ja/nee', 'er is een toelichting op de inperking'],
  wat_kunt_u_doen: ['lijst van teksten', 'adviezen aan de betrokkene in zinnen, afgeleid van de soorten gegevens'],
  niet_getroffen: ['lijst van teksten', 'gegevens die níet zijn getroffen, zonder details die nieuw risico geven; leeg als dat niet vaststaat'],
  heeft_niet_getroffen: ['ja/nee', 'er zijn gegevens die aantoonbaar niet zijn getroffen'],
  deadline: ['tijdstip', 'uiterste moment van melding: kennisname + 72 uur'],
  uren_gebruikt: ['getal?', 'uren tussen kennisname en melding (of nu, als de melding nog moet); leeg als er geen melding nodig is'],
  heeft_uren_gebruikt: ['ja/nee', 'uren_gebruikt is ingevuld'],
  binnen_termijn: ['ja/nee', 'gemeld binnen 72 uur na kennisname'],
  vertraging_motiveren: ['ja/nee', 'de melding moet de redenen voor de vertraging geven'],
  soort_melding: ['tekst', 'soort melding (hoofdstuk 1 van het formulier): nieuwe melding'],
  vervolgmeldingen: ['lijst van groepen', 'vervolgmeldingen: aanvullingen, correcties, intrekking'],
  'vervolgmeldingen[].op': ['tijdstip', 'moment van de vervolgmelding'],
  'vervolgmeldingen[].soort': ['tekst', 'aanvulling, correctie of intrekking'],
  'vervolgmeldingen[].samenvatting': ['tekst', 'wat de vervolgmelding inhoudt'],
  'vervolgmeldingen[].kenmerk': ['tekst?', 'kenmerk van de vervolgmelding; leeg als niet ingevuld'],
  'vervolgmeldingen[].heeft_kenmerk': ['ja/nee', 'de vervolgmelding heeft een kenmerk'],
  heeft_vervolgmeldingen: ['ja/nee', 'er zijn vervolgmeldingen'],
  wettelijke_grondslag: ['tekst', 'grondslag van de melding (meestal de AVG, art. 33)'],
  andere_toezichthouders: ['lijst van teksten', 'andere toezichthouders die zijn ingelicht (AFM, DNB, FSMA, ...)'],
  heeft_andere_toezichthouders: ['ja/nee', 'er zijn andere toezichthouders ingelicht'],
  andere_autoriteiten: ['lijst van teksten', 'toezichthouders in andere landen die zijn ingelicht'],
  heeft_andere_autoriteiten: ['ja/nee', 'er zijn toezichthouders in andere landen ingelicht'],
  uitzondering: ['groep?', 'de uitzondering waardoor de betrokkenen niet worden geïnformeerd; leeg als er geen geldt'],
  'uitzondering.code': ['tekst', 'encryption, subsequent_measures, disproportionate_effort of financial_undertaking'],
  'uitzondering.grond': ['tekst', 'de uitzondering in woorden'],
  'uitzondering.grondslag': ['tekst', 'het wetsartikel, bijv. art. 34 lid 3 onder a AVG'],
  'uitzondering.motivering': ['tekst', 'de motivering van het kantoor'],
  'uitzondering.publieke_mededeling': ['tekst?', 'de openbare mededeling in plaats van persoonlijk informeren; leeg als niet van toepassing'],
  'uitzondering.heeft_publieke_mededeling': ['ja/nee', 'er is een openbare mededeling gedaan'],
  heeft_uitzondering: ['ja/nee', 'er geldt een uitzondering op het informeren van de betrokkenen'],
  brief_gevraagd: ['ja/nee', 'het kantoor wil de brief aan betrokkenen ook als die niet verplicht is'],
  beslispad: ['lijst van groepen', 'het beslispad van de triage, stap voor stap, met de wettelijke grondslag'],
  'beslispad[].stap': ['tekst', 'nummer van de stap: 1 tot 6; 6a, 6b, 6c en 6 (uitzondering) voor de uitzonderingen op informeren'],
  'beslispad[].vraag': ['tekst', 'de vraag van de stap'],
  'beslispad[].antwoord': ['tekst', 'het antwoord: ja, nee, uitzondering, alleen registreren'],
  'beslispad[].reden': ['tekst', 'de reden, opgebouwd uit de feiten van het incident'],
  'beslispad[].grondslag': ['tekst', 'het wetsartikel, bijv. art. 33 lid 1 AVG'],
  risico: ['groep', 'de risicobeoordeling: het oordeel van de verantwoordelijke persoon en de berekende suggestie'],
  'risico.niveau': ['tekst', 'het geldende risiconiveau in woorden (van de beoordelaar, anders de suggestie)'],
  'risico.niveau_code': ['tekst', 'het risiconiveau als code: none, risk of high'],
  'risico.geen': ['ja/nee', 'geen risico'],
  'risico.aanwezig': ['ja/nee', 'ten minste risico (melden bij de toezichthouder)'],
  'risico.hoog': ['ja/nee', 'hoog risico (ook de betrokkenen informeren, tenzij een uitzondering geldt)'],
  'risico.beoordeeld': ['ja/nee', 'een verantwoordelijke persoon heeft het risico beoordeeld'],
  'risico.beoordeeld_door': ['tekst?', 'wie het risico heeft beoordeeld; leeg als nog niemand'],
  'risico.beoordeeld_op': ['tijdstip?', 'wanneer het risico is beoordeeld; leeg als nog niet'],
  'risico.motivering': ['tekst?', 'de motivering van de beoordelaar; leeg als nog niet beoordeeld'],
  'risico.heeft_motivering': ['ja/nee', 'er is een motivering van de beoordelaar'],
  'risico.suggestie': ['tekst', 'het door datalek voorgestelde risiconiveau in woorden'],
  'risico.suggestie_code': ['tekst', 'het voorgestelde risiconiveau als code'],
  'risico.wijkt_af': ['ja/nee', 'het oordeel van de beoordelaar wijkt af van de suggestie'],
  'risico.beleid': ['tekst', 'naam en versie van het risicobeleid achter de suggestie'],
  'risico.enisa': ['groep', 'de ENISA-ernstscore (2013): SE = DPC x EI + CB'],
  'risico.enisa.dpc': ['getal', 'DPC, context van de verwerking (1 tot 4)'],
  'risico.enisa.ei': ['getal', 'EI, identificeerbaarheid (0,25 tot 1)'],
  'risico.enisa.ei_omschrijving': ['tekst', 'EI in woorden: verwaarloosbaar, beperkt, aanzienlijk, maximaal'],
  'risico.enisa.cb': ['getal', 'CB, omstandigheden van de inbreuk (opgeteld)'],
  'risico.enisa.score': ['getal', 'de ernstscore SE'],
  'risico.enisa.band': ['tekst', 'klasse van de score in woorden: laag, gemiddeld, hoog, zeer hoog'],
  'risico.enisa.band_code': ['tekst', 'klasse als code: low, medium, high, very_high'],
  'risico.enisa.signalen': ['lijst van teksten', 'signalen naast de score (meer dan 100 betrokkenen, gegevens onbegrijpelijk)'],
  'risico.enisa.heeft_signalen': ['ja/nee', 'er zijn signalen'],
  'risico.enisa.correcties': ['lijst van groepen', 'correcties van de ENISA-cijfers door de beoordelaar'],
  'risico.enisa.correcties[].onderdeel': ['tekst', 'welk cijfer is gecorrigeerd (DPC, EI of CB)'],
  'risico.enisa.correcties[].waarde': ['getal', 'de gecorrigeerde waarde'],
  'risico.enisa.correcties[].reden': ['tekst', 'de reden van de correctie'],
  'risico.enisa.heeft_correcties': ['ja/nee', 'de beoordelaar heeft ENISA-cijfers gecorrigeerd'],
  'risico.factoren': ['lijst van groepen', 'de gewogen factoren van de toezichthouders, in de volgorde van weging'],
  'risico.factoren[].code': ['tekst', 'vaste code van de factor, bijv. special_categories'],
  'risico.factoren[].richting': ['tekst', 'verhogend, verlagend of toelichting'],
  'risico.factoren[].verhogend': ['ja/nee', 'de factor verhoogt het risico'],
  'risico.factoren[].verlagend': ['ja/nee', 'de factor verlaagt het risico'],
  'risico.factoren[].tekst': ['tekst', 'de factor in een zin'],
  'risico.factoren[].gevolg': ['tekst?', 'wat de factor volgens het risicobeleid met het niveau doet, bijv. ten minste ‘risico’; leeg als niets'],
  'risico.factoren[].heeft_gevolg': ['ja/nee', 'de factor heeft een vastgelegd gevolg voor het niveau'],
  'risico.heeft_factoren': ['ja/nee', 'er zijn factoren gewogen'],
  stappenplan: ['lijst van groepen', 'het stappenplan van het kantoor voor dit incident, voor zover ingevuld'],
  'stappenplan[].stap': ['tekst', 'naam van de stap'],
  'stappenplan[].code': ['tekst', 'vaste code van de stap, bijv. notify_authority'],
  'stappenplan[].eigenaar': ['tekst?', 'wie de stap uitvoert; leeg als niet ingevuld'],
  'stappenplan[].heeft_eigenaar': ['ja/nee', 'de eigenaar is bekend'],
  'stappenplan[].gedaan': ['ja/nee', 'de stap is afgerond'],
  'stappenplan[].gedaan_op': ['tijdstip?', 'wanneer de stap is afgerond; leeg als nog open'],
  'stappenplan[].notitie': ['tekst?', 'notitie bij de stap; leeg als niet ingevuld'],
  'stappenplan[].heeft_notitie': ['ja/nee', 'er is een notitie'],
};

const REGISTER: Record<string, Spec> = {
  ...COMMON,
  ...organisationDocs('organisatie.'),
  ...authorityDocs('autoriteit.'),
  ...contactDocs('meldingsverantwoordelijke.', 'de meldingsverantwoordelijke'),
  aantal_incidenten: ['getal', 'aantal incidenten in het register'],
  aantal_datalekken: ['getal', 'aantal incidenten dat een datalek is'],
  aantal_gemeld: ['getal', 'aantal incidenten dat bij de toezichthouder is gemeld'],
  heeft_incidenten: ['ja/nee', 'het register bevat ten minste één incident'],
  incidenten: ['lijst van groepen', 'één regel per incident; alle teksten op één regel'],
  ...factDocs('incidenten[].'),
};

/** Field docs of the incident documents and of the register, keyed by dotted path. */
export const FIELD_DOCS: { readonly incident: Readonly<Record<string, FieldDoc>>; readonly register: Readonly<Record<string, FieldDoc>> } = {
  incident: docs('', INCIDENT),
  register: docs('', REGISTER),
};
