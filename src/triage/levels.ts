/** Ordering helpers for risk levels and ENISA bands. */
import type { RiskLevel } from '../model/incident.js';
import type { EnisaBand } from '../model/outcome.js';

export const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { none: 0, risk: 1, high: 2 };
export const BAND_RANK: Readonly<Record<EnisaBand, number>> = { low: 0, medium: 1, high: 2, very_high: 3 };

export function maxLevel(...levels: RiskLevel[]): RiskLevel {
  return levels.reduce<RiskLevel>((a, b) => (LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a), 'none');
}

export function minLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return LEVEL_RANK[a] <= LEVEL_RANK[b] ? a : b;
}

/** True when `level` is at least `threshold`. */
export function atLeast(level: RiskLevel, threshold: RiskLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}

export function bandAtLeast(band: EnisaBand, threshold: EnisaBand): boolean {
  return BAND_RANK[band] >= BAND_RANK[threshold];
}
