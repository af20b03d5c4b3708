/** Rules about notifying the supervisory authority (GDPR art. 33). */
import type { Diagnostic } from '../../model/diagnostic.js';
import { HOUR_MS, formatHours, hoursBetween, parseInstant } from '../time.js';
import { incidentRule, report, text } from './types.js';

export const notifiedAfterAwareness = incidentRule(
  'notified-after-awareness',
  'One cannot notify the authority before discovering and becoming aware of the breach.',
  (item) => {
    const inc = item.data;
    const notified = parseInstant(inc?.authority?.notified_at);
    if (!notified) return [];
    const discovered = parseInstant(inc?.timeline?.discovered_at);
    const aware = parseInstant(inc?.timeline?.aware_at);
    const path = ['authority', 'notified_at'];
    if (discovered && notified.ms < discovered.ms) {
      return [report('DL-RULE-NOTIFIED-BEFORE-AWARE', item, path, { notified: notified.text, moment: 'moment of discovery', at: discovered.text, field: 'timeline.discovered_at' })];
    }
    if (aware && notified.ms < aware.ms) {
      return [report('DL-RULE-NOTIFIED-BEFORE-AWARE', item, path, { notified: notified.text, moment: 'moment of awareness', at: aware.text, field: 'timeline.aware_at' })];
    }
    return [];
  },
);

/** Words that name the weekend, holidays or workload (Dutch, English, French, German). */
const WEAK_WORDS = new Set(
  `weekend weekends week-end weekeinde zaterdag zondag saturday sunday samedi dimanche wochenende
   feestdag feestdagen holiday holidays vacation vakantie vakanties verlof leave congé conge congés conges ferien urlaub feiertag
   pasen easter kerst kerstmis christmas pinksteren whitsun hemelvaart ascension koningsdag nieuwjaar carnaval
   bank public brugdag
   drukte druk drukke busy workload werkdruk werklast work load capaciteit capacity onderbezetting understaffed
   personeelstekort staff shortage ziek ziekte sick illness absent afwezig afwezigheid vrij day days off`.split(/\s+/),
);
const STOP_WORDS = new Set(
  `de het een en of van in op aan door voor met om te tot bij als dat die dit er is was waren werd worden zijn
   wij we ons onze hij zij ze men niet geen nog pas al kon konden kan moest vanwege wegens omdat doordat gevolg
   melding gemeld melden laat later te vertraging vertraagd lang langer dan uur uren dag dagen periode
   kantoor organisatie medewerkers medewerker collega collega's iedereen niemand
   the a an and or of in on at by for with to was were is are be been being we our us he she they it its not no
   could can had has have due because owing as result notification notified notify late later delay delayed long
   longer than hours hour day days period office staff employees colleague everyone nobody team very too many much
   le la les un une et ou du des en au aux pour par avec à a été était pas notre nous
   der die das ein eine und oder von im am zu mit wegen wir unser nicht`.split(/\s+/),
);

/** The weak words found, when little else is said; undefined when the reasons say something real. */
export function onlyWeakReasons(reasons: string): string[] | undefined {
  const words = reasons.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  const weak = words.filter((w) => WEAK_WORDS.has(w));
  const rest = words.filter((w) => !WEAK_WORDS.has(w) && !STOP_WORDS.has(w) && w.length > 2);
  return weak.length > 0 && rest.length <= 1 ? [...new Set(weak)] : undefined;
}

export const lateNotificationReasons = incidentRule(
  'late-notification-reasons',
  'A notification after 72 hours must state its reasons; weekend, holiday or workload are not accepted in practice.',
  (item) => {
    const inc = item.data;
    const notified = parseInstant(inc?.authority?.notified_at);
    const aware = parseInstant(inc?.timeline?.aware_at);
    if (!notified || !aware) return [];
    const hours = hoursBetween(aware, notified);
    if (hours <= 72) return [];
    const reasons = text(inc?.authority?.late_reasons);
    if (!reasons) return [report('DL-RULE-LATE-WITHOUT-REASONS', item, ['authority', 'notified_at'], { hours: formatHours(hours) })];
    const weak = onlyWeakReasons(reasons);
    if (weak) return [report('DL-RULE-LATE-REASONS-WEAK', item, ['authority', 'late_reasons'], { found: weak.map((w) => `'${w}'`).join(', ') })];
    return [];
  },
);

export const notificationOverdue = incidentRule(
  'notification-overdue',
  'A risk was assessed, 72 hours have passed, and neither a notification nor a reason for not notifying is recorded (warning).',
  (item, ctx) => {
    const inc = item.data;
    const level = inc?.risk_assessment?.level;
    if (level !== 'risk' && level !== 'high') return [];
    if (inc?.authority?.notified_at !== undefined || text(inc?.authority?.not_notified_reason)) return [];
    const aware = parseInstant(inc?.timeline?.aware_at);
    if (!aware || ctx.now.getTime() <= aware.ms + 72 * HOUR_MS) return [];
    const deadline = new Date(aware.ms + 72 * HOUR_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return [report('DL-RULE-NOTIFICATION-OVERDUE', item, ['authority', 'notified_at'], { level, deadline })];
  },
);

export const followUpsAfterNotification = incidentRule(
  'follow-ups-after-notification',
  'A follow-up notification needs an initial notification, and comes after it.',
  (item) => {
    const a = item.data?.authority;
    const followUps = Array.isArray(a?.follow_ups) ? a.follow_ups : [];
    if (followUps.length === 0) return [];
    const notified = parseInstant(a?.notified_at);
    if (a?.notified_at === undefined) return [report('DL-RULE-FOLLOW-UP-WITHOUT-NOTIFICATION', item, ['authority', 'follow_ups'], {}, 'key')];
    if (!notified) return [];
    const out: Diagnostic[] = [];
    followUps.forEach((f, i) => {
      const at = parseInstant(f?.at);
      if (at && at.ms < notified.ms) {
        out.push(report('DL-RULE-FOLLOW-UP-BEFORE-NOTIFICATION', item, ['authority', 'follow_ups', i, 'at'], { at: at.text, notified: notified.text }));
      }
    });
    return out;
  },
);

export const notificationConsistency = incidentRule(
  'notification-consistency',
  'A notified incident has no reason for not notifying; a reference implies a notification (warnings).',
  (item) => {
    const a = item.data?.authority;
    if (!a) return [];
    const out: Diagnostic[] = [];
    if (a.notified_at !== undefined && text(a.not_notified_reason)) {
      out.push(report('DL-RULE-NOTIFIED-WITH-NOT-NOTIFIED-REASON', item, ['authority', 'not_notified_reason'], { notified: String(a.notified_at) }));
    }
    if (a.notified_at === undefined && text(a.reference)) {
      out.push(report('DL-RULE-REFERENCE-WITHOUT-NOTIFICATION', item, ['authority', 'reference']));
    }
    return out;
  },
);
