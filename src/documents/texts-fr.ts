/**
 * French sentences built from the incident's facts, for Belgian offices whose language is
 * French: the decision path, the risk factors, the advice and reassurance in the letter.
 * Formal, plain French; the reader is addressed with "vous".
 */
import type { Exemption } from '../model/incident.js';
import type { PathStep, RiskFactor } from '../model/outcome.js';
import type { DocumentTexts, TextContext } from './context.js';
import { citeLaw } from './legal-basis.js';
import type { PathAnswer } from './labels.js';
import { PATH_ANSWERS } from './labels.js';

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A label without its explanation in brackets, for use inside a sentence. */
const short = (label: string): string => label.replace(/\s*\([^)]*\)/g, '');

function answer(step: PathStep, c: TextContext): string {
  return (PATH_ANSWERS as readonly string[]).includes(step.answer)
    ? c.labels.pathAnswer[step.answer as PathAnswer]
    : 'voir la motivation';
}

function peopleWords(c: TextContext): string {
  const ds = c.incident.data_subjects;
  if (ds?.count !== undefined) return `${c.number(ds.count)} ${ds.count < 2 ? 'personne' : 'personnes'}`;
  if (ds?.count_min !== undefined && ds.count_max !== undefined) {
    return `${c.number(ds.count_min)} à ${c.number(ds.count_max)} personnes`;
  }
  if (ds?.count_min !== undefined) return `au moins ${c.number(ds.count_min)} personnes`;
  if (ds?.count_max !== undefined) return `au plus ${c.number(ds.count_max)} personnes`;
  return 'un nombre inconnu de personnes';
}

function dataWords(c: TextContext): string {
  const pd = c.incident.personal_data;
  const parts = [...c.kinds].map((k) => short(c.kind(k)));
  if (pd.special_categories?.length) {
    parts.push(`des catégories particulières de données (${c.list(pd.special_categories.map((s) => c.labels.specialCategory[s]))})`);
  }
  if (pd.credentials) parts.push('des identifiants de connexion');
  return parts.length > 0 ? c.list(parts) : 'des données à caractère personnel non précisées';
}

function protectedWord(c: TextContext): string {
  return c.labels.protection[c.incident.protection?.measure ?? 'none'];
}

function protectionSentence(c: TextContext): string {
  const p = c.incident.protection;
  if (!p || p.measure === 'none') return 'les données n’étaient pas chiffrées';
  const how = protectedWord(c);
  if (p.key_compromised === true) return `les données étaient ${how}, mais la clé ou le mot de passe est tombé entre les mains de tiers`;
  if (p.state_of_the_art !== true) return `les données étaient ${how}, mais sans qu’il soit établi que la protection était conforme à l’état de la technique`;
  return `les données étaient ${how} conformément à l’état de la technique et la clé n’est pas tombée entre les mains de tiers`;
}

function lossFacts(c: TextContext): string[] {
  const what = c.incident.what;
  const backup = c.incident.protection?.backup;
  const facts: string[] = [];
  if (what.nature.includes('availability')) {
    const loss = what.availability_loss ? c.labels.availabilityLoss[what.availability_loss] : 'indisponibles';
    let s = `les données étaient ${loss}`;
    if (backup?.available === true) {
      s += backup.restore_hours !== undefined
        ? ` ; une sauvegarde existait et a été restaurée en ${c.number(backup.restore_hours)} ${backup.restore_hours < 2 ? 'heure' : 'heures'}`
        : ' ; une sauvegarde était disponible';
    } else {
      s += ' ; aucune sauvegarde utilisable n’existait';
    }
    facts.push(s);
  }
  if (what.nature.includes('integrity')) {
    const r = what.integrity_recoverable;
    facts.push(`les données ont été modifiées${r === true ? ' (les données exactes peuvent être rétablies)' : r === false ? ' (les données exactes ne peuvent pas être rétablies)' : ''}`);
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
  if (k?.recovered) done.push('les données ont été retrouvées');
  if (k?.remote_wiped) done.push('l’appareil a été effacé à distance');
  if (k?.deleted_by_recipient) done.push('le destinataire a supprimé les données');
  if (k?.passwords_reset) done.push('les mots de passe ont été réinitialisés');
  if (k?.access_revoked) done.push('les accès ont été retirés');
  return done;
}

function grounds(c: TextContext): string {
  const g = c.incident.communication?.exemption?.grounds?.trim();
  return g ? ` Motivation du bureau : ${g}` : '';
}

const QUESTIONS: Record<string, string> = {
  '1': 'Des données à caractère personnel sont-elles concernées, c’est-à-dire des données relatives à une personne vivante identifiée ou identifiable ?',
  '2': 'Des données à caractère personnel ont-elles été détruites, perdues ou modifiées (disponibilité ou intégrité) ?',
  '3': 'Des données à caractère personnel ont-elles été divulguées à des personnes non autorisées ou rendues accessibles à celles-ci (confidentialité) ?',
  '4': 'Pas de violation à notifier : l’incident est-il documenté ?',
  '5': 'La violation est-elle susceptible d’engendrer un risque pour les droits et libertés des personnes ?',
  '6': 'La violation est-elle susceptible d’engendrer un risque élevé pour les droits et libertés des personnes ?',
  '6a': 'Exception : les données sont-elles incompréhensibles pour les tiers (chiffrement conforme à l’état de la technique, clé non compromise) ?',
  '6b': 'Exception : des mesures prises ultérieurement font-elles disparaître le risque élevé ?',
  '6c': 'Exception : informer directement chaque personne exigerait-il des efforts disproportionnés, une communication publique étant faite à la place ?',
  '6-uavg42': 'Exception : le bureau est-il une entreprise financière au sens de la loi néerlandaise sur la surveillance financière (article 42 de l’UAVG) ?',
  '6-exemptions': 'Une exception à l’obligation d’informer les personnes concernées s’applique-t-elle ?',
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
        ? 'Selon le dossier, aucune donnée à caractère personnel n’est concernée. L’incident est enregistré uniquement comme incident de sécurité ; aucune notification n’est requise.'
        : `L’incident concerne ${dataWords(c)} de ${peopleWords(c)}.`;
    case '2': {
      if (a === 'no') return 'Aucune donnée à caractère personnel n’a été détruite, perdue ou modifiée ; l’incident ne touche que la confidentialité.';
      const facts = c.list(lossFacts(c));
      if (a === 'exception') {
        return `Dans cet incident (${kind}) : ${facts}. Exception : ${protectionSentence(c)}, et le bureau dispose encore d’une copie accessible. Il n’y a donc pas de violation sur ce fondement.`;
      }
      return `Dans cet incident (${kind}) : ${facts}${adequatelyProtected(c) ? ' ; les données étaient correctement chiffrées, mais aucune copie accessible n’existe' : ''}. Il s’agit d’une violation de données à caractère personnel.`;
    }
    case '3': {
      if (a === 'no') return 'La confidentialité des données n’a pas été atteinte.';
      const exposure = inc.what.exposure ? c.labels.exposure[inc.what.exposure] : 'non précisé';
      const who = `Type d’incident : ${kind}. Personnes ayant pu voir les données : ${exposure}. ${cap(c.labels.exfiltration[inc.what.exfiltration])}${inc.what.malicious ? ' ; il y a eu une intention malveillante' : ''}.`;
      if (a === 'exception') return `${who} Seules des données protégées ont été exposées : ${protectionSentence(c)}. Il n’y a donc pas de violation sur ce fondement.`;
      return `${who} ${cap(protectionSentence(c))}. Il s’agit d’une violation de données à caractère personnel.`;
    }
    case '4':
      return 'Aucun des fondements ne permet de conclure à une violation de données à caractère personnel. L’incident est inscrit au registre avec cette motivation.';
    case '5': {
      const s = o.risk.suggested;
      const suggestion = `La suggestion de datalek est « ${levelWords(c, s.level)} » (score de gravité ENISA ${c.number(s.enisa.score)}, ${c.labels.enisaBand[s.enisa.band]} ; politique de risque ${s.policy.id} ${s.policy.version}).`;
      const judged =
        o.risk.source === 'assessed'
          ? `${o.risk.assessedBy ?? 'L’évaluateur'} a fixé le niveau de risque${o.risk.assessedAt ? ` le ${c.date(o.risk.assessedAt)}` : ''} à « ${levelWords(c, o.risk.level)} ». ${suggestion}`
          : `Le risque n’a pas encore été évalué par une personne responsable du bureau. ${suggestion}`;
      return a === 'yes'
        ? `${judged} La violation doit donc être notifiée à ${c.authorityName} dans les meilleurs délais et, si possible, dans les 72 heures après en avoir pris connaissance.`
        : `${judged} La violation ne doit donc pas être notifiée ; elle est inscrite au registre avec la motivation de l’absence de notification.`;
    }
    case '6':
      return a === 'yes'
        ? 'Le niveau de risque est fixé à « risque élevé ». Les personnes concernées doivent donc être informées directement et dans les meilleurs délais, sauf si une exception s’applique.'
        : `Le niveau de risque est fixé à « ${levelWords(c, o.risk.level)} », et non à « risque élevé ». La notification à ${c.authorityName} suffit ; les personnes concernées ne doivent pas être informées.`;
    case '6a':
      if (a === 'yes') return `Invoquée et acceptée : ${protectionSentence(c)}.${grounds(c)}`;
      return `Invoquée, mais non acceptée : ${protectionSentence(c)}. Les personnes concernées doivent être informées.`;
    case '6b': {
      const done = [...measuresTaken(c), ...(inc.measures?.taken ?? [])];
      if (a === 'yes') return `Invoquée et acceptée. Mesures prises : ${done.join(' ; ')}.${grounds(c)}`;
      return 'Invoquée, mais non acceptée : aucune mesure susceptible de faire disparaître le risque élevé n’est documentée. Les personnes concernées doivent être informées.';
    }
    case '6c': {
      const pc = inc.communication?.exemption?.public_communication?.trim();
      if (a === 'yes' && pc) return `Invoquée et acceptée. Une communication publique a été faite à la place : ${pc}${grounds(c)}`;
      return 'Invoquée, mais non acceptée : des efforts disproportionnés ne dispensent de l’obligation que moyennant une communication publique ou une mesure aussi efficace, et aucune n’est documentée. Les personnes concernées doivent être informées.';
    }
    case '6-uavg42':
      return `${c.organisation.name} est une entreprise financière au sens de la loi néerlandaise sur la surveillance financière (Wft). L’article 42 de l’UAVG écarte pour elle l’obligation d’informer les personnes concernées (article 34 du RGPD). Le bureau notifie néanmoins l’autorité et tient le registre.`;
    case '6-exemptions':
      return 'Aucune exception n’est invoquée. Les personnes concernées doivent être informées.';
    default:
      return 'Cette étape a été ajoutée par datalek ; sa motivation figure dans le triage de l’incident.';
  }
}

function refusedFinancial(c: TextContext): string {
  return c.organisation.country === 'NL'
    ? `Invoquée, mais non acceptée : ${c.organisation.name} n’est pas une entreprise financière au sens de la Wft ; l’article 42 de l’UAVG ne s’applique donc pas. Les personnes concernées doivent être informées.`
    : 'Invoquée, mais non acceptée : l’article 42 de l’UAVG relève du droit néerlandais et ne s’applique pas à un bureau établi en Belgique. Les personnes concernées doivent être informées.';
}

function basis(step: PathStep, c: TextContext): string {
  if (String(step.step) === '6-exemptions' && c.organisation.country !== 'NL') return 'article 34, paragraphe 3, du RGPD';
  return citeLaw(step.basis, 'fr');
}

// ---- risk factors ------------------------------------------------------------------------------

const LEVEL_FR: Record<string, string> = { none: 'aucun risque', risk: 'risque', high: 'risque élevé' };
const BAND_FR: Record<string, string> = { low: 'faible', medium: 'moyenne', high: 'élevée', 'very high': 'très élevée', very_high: 'très élevée' };

function effectPhrase(reason: string): string {
  const lv = (x: string | undefined): string => (x === undefined ? '' : (LEVEL_FR[x] ?? x));
  let m = /At least "(\w+)"\./.exec(reason);
  if (m) return `au moins « ${lv(m[1])} »`;
  m = /Lowered from "(\w+)" to "(\w+)"\./.exec(reason);
  if (m) return `abaisse de « ${lv(m[1])} » à « ${lv(m[2])} »`;
  m = /At most "(\w+)", but "(\w+)" stays/.exec(reason);
  if (m) return `au plus « ${lv(m[1])} », mais des facteurs plus lourds maintiennent « ${lv(m[2])} »`;
  m = /only from ENISA band ([\w ]+)\./.exec(reason);
  if (m) return `non pris en compte : la politique de risque ne retient ce facteur qu’à partir de la classe ENISA « ${BAND_FR[m[1]!] ?? m[1]} »`;
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
      return `Des catégories particulières de données sont concernées${paren(special.map((s) => c.labels.specialCategory[s]))} ; un dommage est alors probable.`;
    case 'criminal_data':
      return 'Des données judiciaires sont concernées ; un dommage est alors probable.';
    case 'identity_data':
      return `Des données d’identité sont concernées${paren(hits(['bsn', 'id_copy']))} ; elles permettent une fraude à l’identité.`;
    case 'credentials':
      return `Des données de connexion ou d’identification sont concernées${pd.credentials ? `, qui donnent accès à : ${pd.credentials.opens.replace(/\.$/, '')}` : ''} ; elles permettent d’accéder à d’autres données.`;
    case 'financial_data':
      return `Des données financières ou relatives à des dettes sont concernées${paren(hits(['bank_account', 'credit_card', 'debts_or_benefits', 'other_financial']))}.`;
    case 'vulnerable_people':
      return 'Des personnes vulnérables, comme des mineurs ou des patients, figurent parmi les personnes concernées.';
    case 'many_people':
      return c.people !== undefined
        ? `${c.number(c.people)} personnes sont concernées${many ? `, soit plus de ${c.number(Number(many[1]))}` : ''}.`
        : 'Un grand nombre de personnes sont concernées.';
    case 'professional_secrecy':
      return 'Les données sont couvertes par le secret professionnel et ont pu être vues par des tiers.';
    case 'published':
      return 'Les données ont été rendues publiques.';
    case 'exfiltration':
      return inc.what.exfiltration === 'confirmed'
        ? 'Il est établi que les données sont sorties du bureau.'
        : 'Un attaquant est intervenu et il n’est pas exclu que des données aient été emportées.';
    case 'malicious_actor_has_data':
      return 'Des données lisibles peuvent se trouver entre les mains d’une personne malveillante ; le bureau n’a aucune prise sur leur utilisation ultérieure.';
    case 'availability_not_restored':
      return backup?.available === true && backup.restore_hours !== undefined
        ? `Les données ont été indisponibles pendant ${c.number(backup.restore_hours)} heures.`
        : 'Les données ont été perdues ou indisponibles et n’ont pas été rapidement restaurées à partir d’une sauvegarde.';
    case 'care_critical_unavailability':
      return 'Des données de santé ont été longtemps indisponibles, ce qui peut nuire aux soins ou au traitement des personnes concernées.';
    case 'permanent_loss':
      return inc.what.nature.includes('availability') && inc.what.availability_loss === 'permanent'
        ? 'Les données sont définitivement perdues et aucune sauvegarde n’existe : les conséquences sont durables.'
        : 'Les données modifiées ne peuvent pas être rétablies : les conséquences sont durables.';
    case 'misuse':
      return 'Les données ont déjà été utilisées de manière abusive.';
    case 'severity_significant':
      return 'Le bureau estime que les conséquences sont importantes.';
    case 'severity_very_large':
      return 'Le bureau estime que les conséquences sont très importantes.';
    case 'unknown_data':
      return 'On ignore quelles données à caractère personnel sont concernées ; en cas de doute, il convient de notifier.';
    case 'unintelligible':
      return `Les données étaient ${protectedWord(c)} conformément à l’état de la technique et la clé n’est pas tombée entre les mains de tiers : elles sont incompréhensibles pour autrui.`;
    case 'trusted_recipient_deleted':
      return 'Le destinataire est digne de confiance et a confirmé par écrit avoir supprimé ou renvoyé les données.';
    case 'small_accidental_disclosure':
      return `Il s’agit d’une divulgation accidentelle à des destinataires connus, qui concerne ${c.people !== undefined ? `${c.number(c.people)} ${c.people < 2 ? 'personne' : 'personnes'}` : 'peu de personnes'}.`;
    case 'restored_quickly':
      return 'Les données ont été rapidement restaurées à partir d’une sauvegarde et aucune donnée lisible n’a été communiquée à des tiers.';
    case 'no_disclosure':
      return 'Aucune donnée lisible n’a été communiquée à des tiers : la confidentialité est préservée ou les données sont incompréhensibles.';
    case 'key_compromised':
      return 'Les données étaient chiffrées ou hachées, mais la clé ou le mot de passe est tombé entre les mains de tiers : la protection n’est donc pas prise en compte.';
    case 'exfiltration_ruled_out':
      return 'Il est exclu que les données aient été copiées ou emportées.';
    case 'people_unknown':
      return 'Le nombre de personnes concernées n’est pas connu ; une estimation avec un minimum et un maximum est nécessaire.';
    case 'no_personal_data':
      return 'Aucune donnée à caractère personnel n’est concernée ; il n’y a donc pas de risque pour des personnes.';
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
  if (confidentiality && (k.has('contact_details') || k.has('name') || k.has('unknown'))) {
    out.push(
      'Soyez attentif aux e-mails, SMS et appels qui font référence à cet incident ou à notre bureau. Des personnes mal intentionnées peuvent utiliser des données divulguées pour donner l’apparence d’un message authentique. Ne cliquez pas sur les liens et n’ouvrez pas les pièces jointes de messages inattendus.',
      'Nous ne vous demanderons jamais votre mot de passe, votre code PIN ou vos codes d’accès par e-mail, par SMS ou par téléphone. Si vous doutez qu’un message ou un appel provienne réellement de nous, appelez-nous vous-même au numéro indiqué dans cette lettre.',
    );
  }
  if (confidentiality && (k.has('access_or_identification') || inc.personal_data.credentials)) {
    out.push(
      inc.containment?.passwords_reset
        ? 'Nous avons déjà fait modifier les mots de passe concernés. Si vous utilisez le même mot de passe pour d’autres services, modifiez-le également et activez si possible la vérification en deux étapes.'
        : 'Modifiez le mot de passe du compte concerné et celui des autres services pour lesquels vous utilisez le même mot de passe. Activez si possible la vérification en deux étapes.',
    );
  }
  if (confidentiality && (k.has('bank_account') || k.has('other_financial') || k.has('debts_or_benefits'))) {
    out.push(
      'Vérifiez vos extraits bancaires au cours des prochains mois. Si vous constatez un paiement ou une domiciliation que vous ne reconnaissez pas, contactez immédiatement votre banque.',
      'Méfiez-vous des demandes de virement, même si elles semblent venir de notre bureau, de votre banque ou d’une personne de confiance. Vérifiez toujours une telle demande en appelant un numéro que vous avez recherché vous-même.',
    );
  }
  if (confidentiality && k.has('credit_card')) {
    out.push('Contactez l’émetteur de votre carte de crédit et faites-la bloquer et remplacer si nécessaire.');
  }
  if (confidentiality && (k.has('bsn') || k.has('id_copy'))) {
    out.push(
      'Soyez attentif à toute fraude à l’identité. Si vous recevez des factures, des rappels ou du courrier concernant des prêts, des abonnements ou des achats que vous n’avez pas demandés, portez plainte auprès de la police et prenez contact avec nous.',
    );
  }
  if (confidentiality && k.has('id_copy')) {
    out.push('Si vous souhaitez une certitude, vous pouvez demander une nouvelle carte d’identité auprès de votre commune.');
  }
  if (confidentiality && ((inc.personal_data.special_categories?.length ?? 0) > 0 || k.has('criminal'))) {
    out.push(
      'Si une personne vous contacte en laissant entendre qu’elle connaît des informations personnelles ou sensibles vous concernant, ne donnez pas suite et prévenez-nous.',
    );
  }
  if (!confidentiality) {
    out.push('Vous n’avez rien à faire. Si vous constatez que des données de votre dossier manquent ou sont inexactes, faites-le-nous savoir.');
  }
  if (out.length === 0) out.push('Si vous remarquez quoi que ce soit d’inhabituel qui pourrait être lié à cet incident, faites-le-nous savoir.');
  return out;
}

function notAffected(c: TextContext): string[] {
  const inc = c.incident;
  if (!inc.personal_data.involved || c.kinds.has('unknown')) return [];
  const k = c.kinds;
  const be = c.organisation.country === 'BE';
  const out: string[] = [];
  if (!k.has('bsn') && !k.has('id_copy')) {
    out.push(be ? 'votre numéro de registre national et les copies de votre carte d’identité' : 'votre numéro de service citoyen (BSN) et les copies de votre pièce d’identité');
  }
  if (!k.has('bank_account') && !k.has('credit_card') && !k.has('other_financial') && !k.has('debts_or_benefits')) {
    out.push('votre numéro de compte bancaire, les données de votre carte de crédit et vos autres données financières');
  }
  if (!k.has('access_or_identification') && !inc.personal_data.credentials) out.push('vos identifiants et mots de passe');
  if ((inc.personal_data.special_categories?.length ?? 0) === 0 && !k.has('criminal')) {
    out.push('les données relatives à votre santé et les autres catégories particulières de données');
  }
  return out;
}

function containment(c: TextContext): string[] {
  const k = c.incident.containment;
  if (!k) return [];
  const out: string[] = [];
  if (k.recovered === true) out.push('Les données ont été retrouvées.');
  if (k.recovered === false) out.push('Les données n’ont pas été retrouvées.');
  if (k.recipient_trusted === true) out.push('Le destinataire est digne de confiance (un professionnel, un client connu ou un partenaire contractuel).');
  if (k.deleted_by_recipient === true) {
    out.push(`Le destinataire a supprimé ou renvoyé les données${k.deletion_confirmed_in_writing ? ' et l’a confirmé par écrit' : ''}.`);
  }
  if (k.remote_wiped === true) out.push('L’appareil a été effacé à distance.');
  if (k.passwords_reset === true) out.push('Les mots de passe concernés ont été modifiés.');
  if (k.access_revoked === true) out.push('Les accès non autorisés ont été retirés.');
  return out;
}

function exemptionBasis(e: Exemption): string {
  switch (e) {
    case 'encryption':
      return 'article 34, paragraphe 3, point a), du RGPD';
    case 'subsequent_measures':
      return 'article 34, paragraphe 3, point b), du RGPD';
    case 'disproportionate_effort':
      return 'article 34, paragraphe 3, point c), du RGPD';
    case 'financial_undertaking':
      return 'article 42 de l’UAVG';
  }
}

function notInformedReason(c: TextContext): string | null {
  const o = c.outcome;
  if (c.incident.communication?.informed_at) return null;
  if (!o.personalData) return 'Aucune donnée à caractère personnel n’est concernée ; l’information des personnes concernées est sans objet.';
  if (!o.breach) return 'Il n’y a pas de violation de données à caractère personnel ; l’information des personnes concernées est sans objet.';
  if (o.risk.level !== 'high') {
    return `Le niveau de risque est fixé à « ${c.labels.riskLevel[o.risk.level]} », et non à « risque élevé ». L’information n’est donc pas obligatoire (article 34, paragraphe 1, du RGPD).`;
  }
  if (o.dataSubjectsExemption) {
    return `Une exception s’applique : ${c.labels.exemption[o.dataSubjectsExemption]} (${exemptionBasis(o.dataSubjectsExemption)}).`;
  }
  return null;
}

export const TEXTS_FR: DocumentTexts = {
  salutation: 'Madame, Monsieur,',
  registrationNumberKind: (country) => (country === 'NL' ? 'numéro KvK' : 'numéro d’entreprise'),
  pathStep: (step, c) => {
    const id = String(step.step);
    const refusedFin = id === '6-uavg42' && step.answer === 'no';
    return {
      vraag: QUESTIONS[id] ?? 'Étape complémentaire de l’évaluation',
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
  stepNumber: (s) => (s === '6-exemptions' ? '6 (exception)' : s === '6-uavg42' ? '6 (article 42 UAVG)' : s),
  newNotification: 'nouvelle notification',
  integrityRecovery: (r) => (r ? 'les données exactes peuvent être rétablies' : 'les données exactes ne peuvent pas être rétablies'),
  advice,
  notAffected,
  containment,
  notInformedReason,
  exemptionBasis,
  exemptionGrounds: (e, c) =>
    e === 'financial_undertaking'
      ? `${c.organisation.name} est une entreprise financière au sens de la loi néerlandaise sur la surveillance financière (Wft). En vertu de l’article 42 de l’UAVG, l’obligation d’informer les personnes concernées (article 34 du RGPD) ne s’applique pas à cette entreprise.`
      : '',
  flag: (flag) => {
    const m = /^more_than_(\d+)_people$/.exec(flag);
    if (m) return `plus de ${m[1]} personnes concernées`;
    if (flag === 'data_unintelligible') return 'données incompréhensibles pour les tiers';
    return flag.replaceAll('_', ' ');
  },
  enisaPart: { dpc: 'DPC (contexte du traitement)', ei: 'EI (facilité d’identification)', cb: 'CB (circonstances de la violation)' },
  effect: { up: 'aggravant', down: 'atténuant', info: 'explication' },
  status: (open) => (open ? 'ouvert' : 'clôturé'),
  range: (min, max) => `${min} à ${max}`,
  atLeast: (n) => `au moins ${n}`,
  atMost: (n) => `au plus ${n}`,
  unknown: 'inconnu',
};
