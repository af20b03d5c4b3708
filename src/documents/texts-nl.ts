/**
 * Dutch sentences built from the incident's facts: the decision path, the risk factors, the
 * advice and reassurance in the letter. Every sentence is written for the reader of the
 * document (the person affected, the authority, the auditor), not copied from the triage's
 * English output.
 */
import type { Exemption } from '../model/incident.js';
import type { PathStep, RiskFactor } from '../model/outcome.js';
import type { DocumentTexts, TextContext } from './context.js';
import { citeLaw } from './legal-basis.js';
import type { PathAnswer } from './labels.js';
import { PATH_ANSWERS } from './labels.js';

const cap = (s: string): string => (s.startsWith('ij') ? `IJ${s.slice(2)}` : s.charAt(0).toUpperCase() + s.slice(1));

/** A label without its explanation in brackets, for use inside a sentence. */
const short = (label: string): string => label.replace(/\s*\([^)]*\)/g, '');

function answer(step: PathStep, c: TextContext): string {
  return (PATH_ANSWERS as readonly string[]).includes(step.answer)
    ? c.labels.pathAnswer[step.answer as PathAnswer]
    : step.answer === 'yes' ? 'ja' : 'zie toelichting';
}

function peopleWords(c: TextContext): string {
  const ds = c.incident.data_subjects;
  if (ds?.count !== undefined) return `${c.number(ds.count)} ${ds.count === 1 ? 'persoon' : 'personen'}`;
  if (ds?.count_min !== undefined && ds.count_max !== undefined) {
    return `tussen ${c.number(ds.count_min)} en ${c.number(ds.count_max)} personen`;
  }
  if (ds?.count_min !== undefined) return `ten minste ${c.number(ds.count_min)} personen`;
  if (ds?.count_max !== undefined) return `ten hoogste ${c.number(ds.count_max)} personen`;
  return 'een onbekend aantal personen';
}

function dataWords(c: TextContext): string {
  const pd = c.incident.personal_data;
  const parts = [...c.kinds].map((k) => short(c.kind(k)));
  if (pd.special_categories?.length) {
    parts.push(`bijzondere persoonsgegevens (${c.list(pd.special_categories.map((s) => c.labels.specialCategory[s]))})`);
  }
  if (pd.credentials) parts.push('inloggegevens');
  return parts.length > 0 ? c.list(parts) : 'niet nader omschreven persoonsgegevens';
}

/** "versleuteld", "gehasht", "op een andere manier onleesbaar gemaakt" */
function protectedWord(c: TextContext): string {
  const m = c.incident.protection?.measure ?? 'none';
  return c.labels.protection[m];
}

function protectionSentence(c: TextContext): string {
  const p = c.incident.protection;
  if (!p || p.measure === 'none') return 'de gegevens waren niet versleuteld';
  const how = protectedWord(c);
  if (p.key_compromised === true) return `de gegevens waren ${how}, maar de sleutel of het wachtwoord is in handen van onbevoegden gekomen`;
  if (p.state_of_the_art !== true) return `de gegevens waren ${how}, maar niet aantoonbaar volgens de stand van de techniek`;
  return `de gegevens waren ${how} volgens de stand van de techniek en de sleutel is niet in handen van onbevoegden gekomen`;
}

function lossFacts(c: TextContext): string[] {
  const what = c.incident.what;
  const backup = c.incident.protection?.backup;
  const facts: string[] = [];
  if (what.nature.includes('availability')) {
    const loss = what.availability_loss ? c.labels.availabilityLoss[what.availability_loss] : 'niet beschikbaar';
    let s = `de gegevens waren ${loss}`;
    if (backup?.available === true) {
      s += backup.restore_hours !== undefined
        ? `; er was een back-up, die binnen ${c.number(backup.restore_hours)} uur is teruggezet`
        : '; er was een back-up beschikbaar';
    } else {
      s += '; er was geen bruikbare back-up';
    }
    facts.push(s);
  }
  if (what.nature.includes('integrity')) {
    const r = what.integrity_recoverable;
    facts.push(`de gegevens zijn gewijzigd${r === true ? ' (de juiste gegevens kunnen worden hersteld)' : r === false ? ' (de juiste gegevens kunnen niet worden hersteld)' : ''}`);
  }
  return facts;
}

function adequatelyProtected(c: TextContext): boolean {
  const p = c.incident.protection;
  return p !== undefined && p.measure !== 'none' && p.state_of_the_art === true && p.key_compromised !== true;
}

function measuresTaken(c: TextContext): string[] {
  const k = c.incident.containment;
  const done: string[] = [];
  if (k?.recovered) done.push('de gegevens zijn teruggevonden');
  if (k?.remote_wiped) done.push('het apparaat is op afstand gewist');
  if (k?.deleted_by_recipient) done.push('de ontvanger heeft de gegevens verwijderd');
  if (k?.passwords_reset) done.push('wachtwoorden zijn opnieuw ingesteld');
  if (k?.access_revoked) done.push('toegang is ingetrokken');
  return done;
}

function grounds(c: TextContext): string {
  const g = c.incident.communication?.exemption?.grounds?.trim();
  return g ? ` Motivering van het kantoor: ${g}` : '';
}

const QUESTIONS: Record<string, string> = {
  '1': 'Zijn er persoonsgegevens betrokken, dat wil zeggen gegevens over een geïdentificeerde of identificeerbare levende persoon?',
  '2': 'Zijn persoonsgegevens vernietigd, verloren gegaan of gewijzigd (beschikbaarheid of integriteit)?',
  '3': 'Zijn persoonsgegevens verstrekt aan of toegankelijk geworden voor onbevoegden (vertrouwelijkheid)?',
  '4': 'Geen inbreuk die gemeld moet worden: is het incident vastgelegd?',
  '5': 'Brengt de inbreuk waarschijnlijk een risico mee voor de rechten en vrijheden van personen?',
  '6': 'Brengt de inbreuk waarschijnlijk een hoog risico mee voor de rechten en vrijheden van personen?',
  '6a': 'Uitzondering: zijn de gegevens voor anderen onbegrijpelijk (versleuteling volgens de stand van de techniek, sleutel veilig)?',
  '6b': 'Uitzondering: nemen achteraf genomen maatregelen het hoge risico weg?',
  '6c': 'Uitzondering: zou het rechtstreeks informeren van iedere betrokkene een onevenredige inspanning vergen, met in plaats daarvan een openbare mededeling?',
  '6-uavg42': 'Uitzondering: is het kantoor een financiële onderneming in de zin van de Wet op het financieel toezicht (art. 42 UAVG)?',
  '6-exemptions': 'Is er een uitzondering op de plicht om de betrokkenen te informeren van toepassing?',
};

function levelWords(c: TextContext, level: string): string {
  return level === 'none' || level === 'risk' || level === 'high' ? c.labels.riskLevel[level] : level;
}

function reason(step: PathStep, c: TextContext): string {
  const inc = c.incident;
  const o = c.outcome;
  const kind = c.labels.incidentKind[inc.what.kind];
  const a = step.answer;
  switch (String(step.step)) {
    case '1':
      return a === 'no'
        ? 'Volgens de vastlegging zijn er geen persoonsgegevens betrokken. Het incident wordt alleen als beveiligingsincident geregistreerd; er hoeft niets te worden gemeld.'
        : `Het incident betreft ${dataWords(c)} van ${peopleWords(c)}.`;
    case '2': {
      if (a === 'no') return 'Er zijn geen persoonsgegevens vernietigd, verloren gegaan of gewijzigd; het incident raakt alleen de vertrouwelijkheid.';
      const facts = c.list(lossFacts(c));
      if (a === 'exception') {
        return `Bij dit incident (${kind}) geldt: ${facts}. Uitzondering: ${protectionSentence(c)}, en het kantoor beschikt nog over een toegankelijke kopie. Op deze grond is er daarom geen inbreuk.`;
      }
      return `Bij dit incident (${kind}) geldt: ${facts}${adequatelyProtected(c) ? '; de gegevens waren goed versleuteld, maar er is geen toegankelijke kopie' : ''}. Dit is een inbreuk in verband met persoonsgegevens.`;
    }
    case '3': {
      if (a === 'no') return 'De vertrouwelijkheid van de gegevens is niet aangetast.';
      const exposure = inc.what.exposure ? c.labels.exposure[inc.what.exposure] : 'niet vastgelegd';
      const who = `Soort incident: ${kind}. Wie de gegevens kon zien: ${exposure}. ${cap(c.labels.exfiltration[inc.what.exfiltration])}${inc.what.malicious ? '; er was sprake van kwade opzet' : ''}.`;
      if (a === 'exception') return `${who} Alleen beveiligde gegevens zijn blootgesteld: ${protectionSentence(c)}. Op deze grond is er daarom geen inbreuk.`;
      return `${who} ${cap(protectionSentence(c))}. Dit is een inbreuk in verband met persoonsgegevens.`;
    }
    case '4':
      return 'Op geen van de gronden is er sprake van een inbreuk in verband met persoonsgegevens. Het incident wordt met deze motivering in het register opgenomen.';
    case '5': {
      const s = o.risk.suggested;
      const suggestion = `De suggestie van datalek is ‘${levelWords(c, s.level)}’ (ENISA-ernstscore ${c.number(s.enisa.score)}, ${c.labels.enisaBand[s.enisa.band]}; risicobeleid ${s.policy.id} ${s.policy.version}).`;
      const judged =
        o.risk.source === 'assessed'
          ? `${o.risk.assessedBy ?? 'De beoordelaar'} heeft het risiconiveau${o.risk.assessedAt ? ` op ${c.date(o.risk.assessedAt)}` : ''} vastgesteld op ‘${levelWords(c, o.risk.level)}’. ${suggestion}`
          : `Het risico is nog niet door een verantwoordelijke persoon van het kantoor beoordeeld. ${suggestion}`;
      return a === 'yes'
        ? `${judged} De inbreuk moet daarom zonder onnodige vertraging en zo mogelijk binnen 72 uur na de kennisname worden gemeld bij ${c.authorityName}.`
        : `${judged} De inbreuk hoeft daarom niet te worden gemeld; zij wordt in het register opgenomen met de motivering waarom niet is gemeld.`;
    }
    case '6':
      return a === 'yes'
        ? 'Het risiconiveau is vastgesteld op ‘hoog risico’. De betrokkenen moeten daarom rechtstreeks en zonder onnodige vertraging worden geïnformeerd, tenzij een uitzondering van toepassing is.'
        : `Het risiconiveau is vastgesteld op ‘${levelWords(c, o.risk.level)}’, niet op ‘hoog risico’. Melding bij ${c.authorityName} volstaat; de betrokkenen hoeven niet te worden geïnformeerd.`;
    case '6a': {
      if (a === 'yes') return `Ingeroepen en aanvaard: ${protectionSentence(c)}.${grounds(c)}`;
      return `Ingeroepen, maar niet aanvaard: ${protectionSentence(c)}. De betrokkenen moeten worden geïnformeerd.`;
    }
    case '6b': {
      const done = [...measuresTaken(c), ...(inc.measures?.taken ?? [])];
      if (a === 'yes') return `Ingeroepen en aanvaard. Genomen maatregelen: ${done.join('; ')}.${grounds(c)}`;
      return 'Ingeroepen, maar niet aanvaard: er zijn geen maatregelen vastgelegd die het hoge risico kunnen wegnemen. De betrokkenen moeten worden geïnformeerd.';
    }
    case '6c': {
      const pc = inc.communication?.exemption?.public_communication?.trim();
      if (a === 'yes' && pc) return `Ingeroepen en aanvaard. In plaats daarvan is een openbare mededeling gedaan: ${pc}${grounds(c)}`;
      return 'Ingeroepen, maar niet aanvaard: een onevenredige inspanning ontslaat alleen van de plicht als er een openbare mededeling of een even doeltreffende maatregel is, en die is niet vastgelegd. De betrokkenen moeten worden geïnformeerd.';
    }
    case '6-uavg42':
      return `${c.organisation.name} is een financiële onderneming in de zin van de Wet op het financieel toezicht (${c.labels.sector[c.organisation.sector]}). Art. 42 UAVG zet de plicht om de betrokkenen te informeren (art. 34 AVG) voor deze onderneming buiten werking. Het kantoor meldt wel bij ${c.authorityName} en houdt het register bij.`;
    case '6-exemptions':
      return c.organisation.country === 'NL'
        ? 'Er is geen uitzondering ingeroepen en het kantoor is geen financiële onderneming in de zin van de Wft (art. 42 UAVG). De betrokkenen moeten worden geïnformeerd.'
        : 'Er is geen uitzondering ingeroepen. De betrokkenen moeten worden geïnformeerd.';
    default:
      return 'Deze stap is door datalek toegevoegd; de toelichting staat in de triage van het incident.';
  }
}

function refusedFinancial(c: TextContext): string {
  return c.organisation.country === 'NL'
    ? `Ingeroepen, maar niet aanvaard: ${c.organisation.name} is geen financiële onderneming in de zin van de Wft, zodat art. 42 UAVG niet van toepassing is. De betrokkenen moeten worden geïnformeerd.`
    : `Ingeroepen, maar niet aanvaard: art. 42 UAVG is Nederlands recht en geldt niet voor een kantoor in België. De betrokkenen moeten worden geïnformeerd.`;
}

function basis(step: PathStep, c: TextContext): string {
  const id = String(step.step);
  if (id === '6-exemptions' && c.organisation.country !== 'NL') return 'art. 34 lid 3 AVG';
  return citeLaw(step.basis, 'nl');
}

// ---- risk factors ------------------------------------------------------------------------------

const LEVEL_NL: Record<string, string> = { none: 'geen risico', risk: 'risico', high: 'hoog risico' };
const BAND_NL: Record<string, string> = { low: 'laag', medium: 'gemiddeld', high: 'hoog', 'very high': 'zeer hoog', very_high: 'zeer hoog' };

/** The effect the policy gave a factor, read from the structured tail of its reason. */
function effectPhrase(reason: string): string {
  const lv = (x: string | undefined): string => (x === undefined ? '' : (LEVEL_NL[x] ?? x));
  let m = /At least "(\w+)"\./.exec(reason);
  if (m) return `ten minste ‘${lv(m[1])}’`;
  m = /Lowered from "(\w+)" to "(\w+)"\./.exec(reason);
  if (m) return `verlaagt van ‘${lv(m[1])}’ naar ‘${lv(m[2])}’`;
  m = /At most "(\w+)", but "(\w+)" stays/.exec(reason);
  if (m) return `ten hoogste ‘${lv(m[1])}’, maar zwaarder wegende factoren houden het op ‘${lv(m[2])}’`;
  m = /only from ENISA band ([\w ]+)\./.exec(reason);
  if (m) return `niet meegewogen: telt volgens het risicobeleid pas mee vanaf ENISA-klasse ‘${BAND_NL[m[1]!] ?? m[1]}’`;
  return '';
}

function factorText(d: RiskFactor, c: TextContext): string | undefined {
  const inc = c.incident;
  const pd = inc.personal_data;
  const special = pd.special_categories ?? [];
  const has = (k: Parameters<TextContext['kind']>[0]) => c.kinds.has(k);
  const hits = (ks: Parameters<TextContext['kind']>[0][]) => ks.filter(has).map((k) => short(c.kind(k)));
  const paren = (xs: string[]) => (xs.length > 0 ? ` (${c.list(xs)})` : '');
  const many = c.outcome.risk.suggested.enisa.flags.map((f) => /^more_than_(\d+)_people$/.exec(f)).find((m) => m !== null);
  const backup = inc.protection?.backup;
  switch (d.code) {
    case 'special_categories':
      return `Er zijn bijzondere persoonsgegevens betrokken${paren(special.map((s) => c.labels.specialCategory[s]))}; schade is dan waarschijnlijk.`;
    case 'criminal_data':
      return 'Er zijn strafrechtelijke gegevens betrokken; schade is dan waarschijnlijk.';
    case 'identity_data':
      return `Er zijn identiteitsgegevens betrokken${paren(hits(['bsn', 'id_copy']))}; daarmee is identiteitsfraude mogelijk.`;
    case 'credentials':
      return `Er zijn inlog- of identificatiegegevens betrokken${pd.credentials ? `, die toegang geven tot: ${pd.credentials.opens.replace(/\.$/, '')}` : ''}; daarmee kan toegang tot meer gegevens worden verkregen.`;
    case 'financial_data':
      return `Er zijn financiële gegevens of gegevens over schulden betrokken${paren(hits(['bank_account', 'credit_card', 'debts_or_benefits', 'other_financial']))}.`;
    case 'vulnerable_people':
      return 'Onder de betrokkenen zijn kwetsbare personen, zoals minderjarigen of patiënten.';
    case 'many_people':
      return c.people !== undefined
        ? `Er zijn ${c.number(c.people)} personen betrokken${many ? `, meer dan ${c.number(Number(many[1]))}` : ''}.`
        : 'Er is een groot aantal personen betrokken.';
    case 'professional_secrecy':
      return 'De gegevens vallen onder een beroepsgeheim en kunnen door anderen zijn ingezien.';
    case 'published':
      return 'De gegevens zijn openbaar gemaakt.';
    case 'exfiltration':
      return inc.what.exfiltration === 'confirmed'
        ? 'Vastgesteld is dat de gegevens buiten het kantoor zijn terechtgekomen.'
        : 'Er was een aanvaller bij betrokken en niet is uitgesloten dat gegevens zijn weggenomen.';
    case 'malicious_actor_has_data':
      return 'Leesbare gegevens kunnen in handen zijn van iemand met kwade bedoelingen; het kantoor heeft geen zicht op verder gebruik.';
    case 'availability_not_restored':
      return backup?.available === true && backup.restore_hours !== undefined
        ? `De gegevens waren ${c.number(backup.restore_hours)} uur niet beschikbaar.`
        : 'De gegevens zijn verloren gegaan of waren niet beschikbaar en zijn niet snel uit een back-up hersteld.';
    case 'care_critical_unavailability':
      return 'Gezondheidsgegevens waren langere tijd niet beschikbaar; dat kan de zorg of de behandeling van betrokkenen schaden.';
    case 'permanent_loss':
      return inc.what.nature.includes('availability') && inc.what.availability_loss === 'permanent'
        ? 'De gegevens zijn blijvend verloren en er is geen back-up: de gevolgen zijn blijvend.'
        : 'Gewijzigde gegevens kunnen niet worden hersteld: de gevolgen zijn blijvend.';
    case 'misuse':
      return 'De gegevens zijn al misbruikt.';
    case 'severity_significant':
      return 'Het kantoor schat de gevolgen in als aanzienlijk.';
    case 'severity_very_large':
      return 'Het kantoor schat de gevolgen in als zeer groot.';
    case 'unknown_data':
      return 'Het is niet bekend welke persoonsgegevens zijn betrokken; bij twijfel wordt gemeld.';
    case 'unintelligible':
      return `De gegevens waren ${protectedWord(c)} volgens de stand van de techniek en de sleutel is niet in handen van onbevoegden gekomen: voor anderen zijn de gegevens onbegrijpelijk.`;
    case 'trusted_recipient_deleted':
      return 'De ontvanger is betrouwbaar en heeft schriftelijk bevestigd dat de gegevens zijn verwijderd of teruggestuurd.';
    case 'small_accidental_disclosure':
      return `Het gaat om een onbedoelde verstrekking aan bekende ontvangers, waarbij ${c.people !== undefined ? `${c.number(c.people)} ${c.people === 1 ? 'persoon' : 'personen'}` : 'weinig personen'} betrokken ${c.people === 1 ? 'is' : 'zijn'}.`;
    case 'restored_quickly':
      return 'De gegevens zijn snel uit een back-up hersteld en er zijn geen leesbare gegevens aan anderen verstrekt.';
    case 'no_disclosure':
      return 'Er zijn geen leesbare gegevens aan anderen verstrekt: de vertrouwelijkheid is behouden of de gegevens zijn onbegrijpelijk.';
    case 'key_compromised':
      return 'De gegevens waren versleuteld of gehasht, maar de sleutel of het wachtwoord is in handen van onbevoegden gekomen: de beveiliging telt daarom niet mee.';
    case 'exfiltration_ruled_out':
      return 'Uitgesloten is dat de gegevens zijn gekopieerd of weggenomen.';
    case 'people_unknown':
      return 'Het aantal betrokkenen is niet bekend; een schatting met een minimum en een maximum is nodig.';
    case 'no_personal_data':
      return 'Er zijn geen persoonsgegevens betrokken; er is dus geen risico voor personen.';
    default:
      return undefined;
  }
}

// ---- the letter --------------------------------------------------------------------------------

function advice(c: TextContext): string[] {
  const inc = c.incident;
  if (!inc.personal_data.involved) return [];
  const out: string[] = [];
  const k = c.kinds;
  // Readable data may be with others: confidentiality lost and not adequately encrypted.
  const confidentiality = inc.what.nature.includes('confidentiality') && !adequatelyProtected(c);
  const be = c.organisation.country === 'BE';
  if (confidentiality && (k.has('contact_details') || k.has('name') || k.has('unknown'))) {
    out.push(
      'Wees alert op e-mails, sms-berichten en telefoontjes die verwijzen naar dit incident of naar ons kantoor. Kwaadwillenden kunnen gelekte gegevens gebruiken om een bericht echt te laten lijken. Klik niet op links en open geen bijlagen in berichten die u niet verwacht.',
      'Wij vragen u nooit per e-mail, sms of telefoon om uw wachtwoord, pincode of inlogcodes. Twijfelt u of een bericht of telefoontje echt van ons komt, bel ons dan zelf op het nummer in deze brief.',
    );
  }
  if (confidentiality && (k.has('access_or_identification') || inc.personal_data.credentials)) {
    out.push(
      inc.containment?.passwords_reset
        ? 'Wij hebben de betrokken wachtwoorden al laten wijzigen. Gebruikt u hetzelfde wachtwoord ook voor andere diensten, wijzig het daar dan ook en zet waar mogelijk tweestapsverificatie aan.'
        : 'Wijzig het wachtwoord van het betrokken account en van andere diensten waarvoor u hetzelfde wachtwoord gebruikt. Zet waar mogelijk tweestapsverificatie aan.',
    );
  }
  if (confidentiality && (k.has('bank_account') || k.has('other_financial') || k.has('debts_or_benefits'))) {
    out.push(
      'Controleer de komende maanden uw bankafschriften. Ziet u een betaling of incasso die u niet herkent, neem dan direct contact op met uw bank.',
      'Wees voorzichtig met verzoeken om geld over te maken, ook als die lijken te komen van ons kantoor, uw bank of een bekende. Controleer zo’n verzoek altijd eerst via een telefoonnummer dat u zelf opzoekt.',
    );
  }
  if (confidentiality && k.has('credit_card')) {
    out.push('Neem contact op met de uitgever van uw creditcard en laat de kaart zo nodig blokkeren en vervangen.');
  }
  if (confidentiality && (k.has('bsn') || k.has('id_copy'))) {
    out.push(
      be
        ? 'Wees alert op identiteitsfraude. Ontvangt u facturen, aanmaningen of post over leningen, abonnementen of aankopen die u niet zelf hebt aangevraagd, doe dan aangifte bij de politie en neem contact met ons op.'
        : 'Wees alert op identiteitsfraude. Ontvangt u rekeningen, aanmaningen of post over leningen, abonnementen of aankopen die u niet zelf hebt aangevraagd, doe dan aangifte bij de politie en neem contact op met het Centraal Meldpunt Identiteitsfraude en -fouten (CMI) van de Rijksoverheid. Het CMI helpt u kosteloos.',
    );
  }
  if (confidentiality && k.has('id_copy')) {
    out.push(
      be
        ? 'Wilt u zekerheid, dan kunt u bij uw gemeente een nieuwe identiteitskaart aanvragen.'
        : 'Wilt u zekerheid, dan kunt u bij uw gemeente een nieuw identiteitsbewijs aanvragen.',
    );
  }
  if (confidentiality && ((inc.personal_data.special_categories?.length ?? 0) > 0 || k.has('criminal'))) {
    out.push(
      'Neemt iemand contact met u op die laat merken persoonlijke of gevoelige informatie over u te kennen, ga daar dan niet op in en laat het ons weten.',
    );
  }
  if (!confidentiality) {
    out.push('U hoeft zelf niets te doen. Merkt u dat gegevens in uw dossier ontbreken of niet kloppen, laat het ons dan weten.');
  }
  if (out.length === 0) {
    out.push('Merkt u iets ongewoons dat met dit incident te maken kan hebben, laat het ons dan weten.');
  }
  return out;
}

function notAffected(c: TextContext): string[] {
  const inc = c.incident;
  if (!inc.personal_data.involved || c.kinds.has('unknown')) return [];
  const k = c.kinds;
  const be = c.organisation.country === 'BE';
  const out: string[] = [];
  if (!k.has('bsn') && !k.has('id_copy')) {
    out.push(be ? 'uw rijksregisternummer en kopieën van uw identiteitskaart' : 'uw burgerservicenummer (BSN) en kopieën van uw identiteitsbewijs');
  }
  if (!k.has('bank_account') && !k.has('credit_card') && !k.has('other_financial') && !k.has('debts_or_benefits')) {
    out.push('uw bankrekeningnummer, creditcardgegevens en andere financiële gegevens');
  }
  if (!k.has('access_or_identification') && !inc.personal_data.credentials) {
    out.push('uw inloggegevens en wachtwoorden');
  }
  if ((inc.personal_data.special_categories?.length ?? 0) === 0 && !k.has('criminal')) {
    out.push('gegevens over uw gezondheid en andere bijzondere persoonsgegevens');
  }
  return out;
}

function containment(c: TextContext): string[] {
  const k = c.incident.containment;
  if (!k) return [];
  const out: string[] = [];
  if (k.recovered === true) out.push('De gegevens zijn teruggevonden.');
  if (k.recovered === false) out.push('De gegevens zijn niet teruggevonden.');
  if (k.recipient_trusted === true) out.push('De ontvanger is betrouwbaar (een professional, een bekende cliënt of een contractpartner).');
  if (k.deleted_by_recipient === true) {
    out.push(`De ontvanger heeft de gegevens verwijderd of teruggestuurd${k.deletion_confirmed_in_writing ? ' en dit schriftelijk bevestigd' : ''}.`);
  }
  if (k.remote_wiped === true) out.push('Het apparaat is op afstand gewist.');
  if (k.passwords_reset === true) out.push('De betrokken wachtwoorden zijn gewijzigd.');
  if (k.access_revoked === true) out.push('De toegang van onbevoegden is ingetrokken.');
  return out;
}

function notInformedReason(c: TextContext): string | null {
  const o = c.outcome;
  const comm = c.incident.communication;
  if (comm?.informed_at) return null;
  if (!o.personalData) return 'Er zijn geen persoonsgegevens betrokken; informeren van betrokkenen is niet aan de orde.';
  if (!o.breach) return 'Er is geen inbreuk in verband met persoonsgegevens; informeren van betrokkenen is niet aan de orde.';
  if (o.risk.level !== 'high') {
    return `Het risiconiveau is vastgesteld op ‘${c.labels.riskLevel[o.risk.level]}’, niet op ‘hoog risico’. Informeren van de betrokkenen is daarom niet verplicht (art. 34 lid 1 AVG).`;
  }
  if (o.dataSubjectsExemption) {
    return `Er geldt een uitzondering: ${c.labels.exemption[o.dataSubjectsExemption]} (${exemptionBasis(o.dataSubjectsExemption)}).`;
  }
  return null;
}

function exemptionBasis(e: Exemption): string {
  switch (e) {
    case 'encryption':
      return 'art. 34 lid 3 onder a AVG';
    case 'subsequent_measures':
      return 'art. 34 lid 3 onder b AVG';
    case 'disproportionate_effort':
      return 'art. 34 lid 3 onder c AVG';
    case 'financial_undertaking':
      return 'art. 42 UAVG';
  }
}

export const TEXTS_NL: DocumentTexts = {
  salutation: 'Geachte heer, mevrouw,',
  registrationNumberKind: (country) => (country === 'NL' ? 'KvK-nummer' : 'ondernemingsnummer'),
  pathStep: (step, c) => {
    const id = String(step.step);
    const refusedFin = id === '6-uavg42' && step.answer === 'no';
    return {
      vraag: QUESTIONS[id] ?? 'Aanvullende stap van de beoordeling',
      antwoord: answer(step, c),
      reden: refusedFin ? refusedFinancial(c) : reason(step, c),
      grondslag: basis(step, c),
    };
  },
  factor: (d, c) => {
    const tekst = factorText(d, c);
    if (tekst === undefined) return undefined;
    const gevolg = effectPhrase(d.reason);
    return { tekst, gevolg: gevolg === '' ? null : gevolg };
  },
  stepNumber: (s) => (s === '6-exemptions' ? '6 (uitzondering)' : s === '6-uavg42' ? '6 (art. 42 UAVG)' : s),
  newNotification: 'nieuwe melding',
  integrityRecovery: (r) => (r ? 'de juiste gegevens kunnen worden hersteld' : 'de juiste gegevens kunnen niet worden hersteld'),
  advice,
  notAffected,
  containment,
  notInformedReason,
  exemptionBasis,
  exemptionGrounds: (e, c) =>
    e === 'financial_undertaking'
      ? `${c.organisation.name} is een financiële onderneming in de zin van de Wet op het financieel toezicht (Wft). Op grond van art. 42 UAVG geldt de plicht om de betrokkenen te informeren (art. 34 AVG) niet voor deze onderneming.`
      : '',
  flag: (flag) => {
    const m = /^more_than_(\d+)_people$/.exec(flag);
    if (m) return `meer dan ${m[1]} betrokkenen`;
    if (flag === 'data_unintelligible') return 'gegevens onbegrijpelijk voor anderen';
    return flag.replaceAll('_', ' ');
  },
  enisaPart: { dpc: 'DPC (context van de verwerking)', ei: 'EI (identificeerbaarheid)', cb: 'CB (omstandigheden van de inbreuk)' },
  effect: { up: 'verhogend', down: 'verlagend', info: 'toelichting' },
  status: (open) => (open ? 'open' : 'afgesloten'),
  range: (min, max) => `${min} tot ${max}`,
  atLeast: (n) => `ten minste ${n}`,
  atMost: (n) => `ten hoogste ${n}`,
  unknown: 'onbekend',
};
