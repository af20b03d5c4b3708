/** Rules about the procedure checklist (identify, assess, notify, inform, improve, document, advise). */
import type { Diagnostic } from '../../model/diagnostic.js';
import { parseInstant } from '../time.js';
import { incidentRule, report } from './types.js';

export const closedWithOpenSteps = incidentRule(
  'closed-with-open-steps',
  'A closed incident has every checklist step it lists done (warning).',
  (item) => {
    const inc = item.data;
    const checklist = inc?.checklist;
    if (inc?.timeline?.closed_at === undefined || !checklist || typeof checklist !== 'object') return [];
    const open = Object.entries(checklist)
      .filter(([, step]) => !step || step.done_at === undefined)
      .map(([name]) => name);
    if (open.length === 0) return [];
    return [report('DL-RULE-CLOSED-OPEN-STEPS', item, ['timeline', 'closed_at'], { steps: open.join(', ') })];
  },
);

/**
 * Containing an incident may start at discovery, before awareness; every other step is a reaction
 * to a breach one is aware of.
 */
export const stepsAfterAwareness = incidentRule(
  'steps-after-awareness',
  'Checklist steps are done after awareness (identify_and_contain: after discovery) (warning).',
  (item) => {
    const inc = item.data;
    const checklist = inc?.checklist;
    if (!checklist || typeof checklist !== 'object') return [];
    const discovered = parseInstant(inc?.timeline?.discovered_at);
    const aware = parseInstant(inc?.timeline?.aware_at);
    const out: Diagnostic[] = [];
    for (const [step, value] of Object.entries(checklist)) {
      const done = parseInstant(value?.done_at);
      if (!done) continue;
      const [ref, moment, field] = step === 'identify_and_contain' ? [discovered, 'discovery', 'discovered_at'] : [aware, 'awareness', 'aware_at'];
      if (ref && done.ms < ref.ms) {
        out.push(report('DL-RULE-STEP-BEFORE-AWARE', item, ['checklist', step, 'done_at'], { step, done: done.text, moment, at: ref.text, field }));
      }
    }
    return out;
  },
);
