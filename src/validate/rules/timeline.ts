/** Rules about the order of moments in an incident's life. */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Segment } from '../paths.js';
import { formatHours, hoursBetween, isAfterNow, isBefore, parseMoment, type Moment } from '../time.js';
import { incidentRule, report } from './types.js';

const T = 'timeline';

export const startBeforeDiscoveryAndAwareness = incidentRule(
  'start-before-discovery-and-awareness',
  'A breach is discovered, and one becomes aware of it, only after it started.',
  (item, ctx) => {
    const tl = item.data?.timeline;
    const start = parseMoment(tl?.started_at);
    if (!start) return [];
    const zone = ctx.zoneOf(item.data);
    const out: Diagnostic[] = [];
    const discovered = parseMoment(tl?.discovered_at);
    const aware = parseMoment(tl?.aware_at);
    if (discovered && isBefore(discovered, start, zone)) {
      out.push(report('DL-RULE-DISCOVERED-BEFORE-START', item, [T, 'discovered_at'], { discovered: discovered.text, start: start.text }));
    }
    if (aware && isBefore(aware, start, zone)) {
      out.push(report('DL-RULE-AWARE-BEFORE-START', item, [T, 'aware_at'], { aware: aware.text, start: start.text }));
    }
    return out;
  },
);

/**
 * Decision: discovery comes first, awareness follows. Awareness (kennisname) is reasonable
 * certainty that personal data were compromised; a short investigation may lie between the two.
 * An aware_at before discovered_at is an error; a long gap is a warning, since the 72 hours run
 * from awareness and a long investigation period needs explaining.
 */
export const awarenessAfterDiscovery = incidentRule(
  'awareness-after-discovery',
  'Awareness cannot precede discovery; a long investigation between them is flagged.',
  (item) => {
    const tl = item.data?.timeline;
    const discovered = parseMoment(tl?.discovered_at);
    const aware = parseMoment(tl?.aware_at);
    if (discovered?.kind !== 'instant' || aware?.kind !== 'instant') return [];
    if (aware.ms < discovered.ms) {
      return [report('DL-RULE-AWARE-BEFORE-DISCOVERY', item, [T, 'aware_at'], { aware: aware.text, discovered: discovered.text })];
    }
    const hours = hoursBetween(discovered, aware);
    if (hours > 72) {
      return [report('DL-RULE-LONG-INVESTIGATION', item, [T, 'aware_at'], { aware: aware.text, discovered: discovered.text, hours: formatHours(hours) })];
    }
    return [];
  },
);

export const endedAfterStart = incidentRule('ended-after-start', 'A breach cannot end before it started.', (item, ctx) => {
  const tl = item.data?.timeline;
  const start = parseMoment(tl?.started_at);
  const ended = parseMoment(tl?.ended_at);
  if (!start || !ended || !isBefore(ended, start, ctx.zoneOf(item.data))) return [];
  return [report('DL-RULE-ENDED-BEFORE-START', item, [T, 'ended_at'], { ended: ended.text, start: start.text })];
});

export const endedOrOngoing = incidentRule('ended-or-ongoing', 'A breach with an end is not ongoing; a closed incident is not ongoing.', (item) => {
  const tl = item.data?.timeline;
  if (tl?.ongoing !== true) return [];
  const out: Diagnostic[] = [];
  if (tl.ended_at !== undefined) out.push(report('DL-RULE-ENDED-WHILE-ONGOING', item, [T, 'ongoing'], { ended: String(tl.ended_at) }));
  if (tl.closed_at !== undefined) out.push(report('DL-RULE-CLOSED-WHILE-ONGOING', item, [T, 'closed_at'], { closed: String(tl.closed_at) }));
  return out;
});

export const closedAfterAwareness = incidentRule('closed-after-awareness', 'An incident cannot be closed before one became aware of it.', (item) => {
  const tl = item.data?.timeline;
  const closed = parseMoment(tl?.closed_at);
  const aware = parseMoment(tl?.aware_at);
  if (closed?.kind !== 'instant' || aware?.kind !== 'instant' || closed.ms >= aware.ms) return [];
  return [report('DL-RULE-CLOSED-BEFORE-AWARE', item, [T, 'closed_at'], { closed: closed.text, aware: aware.text })];
});

/** Every `*_at` / `at` field, wherever it sits (checklist steps, follow-ups, ...). */
function moments(value: unknown, path: Segment[] = [], out: { path: Segment[]; moment: Moment }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => moments(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && (k === 'at' || k.endsWith('_at'))) {
        const m = parseMoment(v);
        if (m) out.push({ path: [...path, k], moment: m });
      } else if (typeof v === 'object') moments(v, [...path, k], out);
    }
  }
  return out;
}

export const noFutureMoments = incidentRule('no-future-moments', 'Recorded moments cannot lie in the future.', (item, ctx) => {
  const zone = ctx.zoneOf(item.data);
  return moments(item.data)
    .filter(({ moment }) => isAfterNow(moment, ctx.now, zone))
    .map(({ path, moment }) => report('DL-RULE-FUTURE-INSTANT', item, path, { value: moment.text, now: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z') }));
});

export const eventsAfterDiscovery = incidentRule(
  'events-after-discovery',
  'Reactions to an incident (risk assessment, police, insurer, processor report) follow its discovery.',
  (item) => {
    const inc = item.data;
    const discovered = parseMoment(inc?.timeline?.discovered_at);
    if (discovered?.kind !== 'instant') return [];
    const out: Diagnostic[] = [];
    const assessed = parseMoment(inc?.risk_assessment?.assessed_at);
    if (assessed?.kind === 'instant' && assessed.ms < discovered.ms) {
      out.push(report('DL-RULE-ASSESSED-BEFORE-DISCOVERY', item, ['risk_assessment', 'assessed_at'], { assessed: assessed.text, discovered: discovered.text }));
    }
    const events: [Segment[], string][] = [
      [['police_report', 'at'], 'the police report'],
      [['insurer_informed_at'], 'informing the insurer'],
    ];
    for (const [path, event] of events) {
      let v: unknown = inc;
      for (const s of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[s as string] : undefined;
      const m = parseMoment(v);
      if (m?.kind === 'instant' && m.ms < discovered.ms) {
        out.push(report('DL-RULE-BEFORE-DISCOVERY', item, path, { event, at: m.text, discovered: discovered.text }));
      }
    }
    return out;
  },
);
