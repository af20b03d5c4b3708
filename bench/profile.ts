/**
 * Where a Node process spent its time, from a V8 .cpuprofile (`node --cpu-prof`): self time per
 * area (a package under node_modules, a folder of src/, Node itself, the garbage collector, idle
 * time waiting for Chromium or the disk) and the functions with the most self time.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The area a source URL belongs to: "docxtemplater", "src/render", "node:internal", ... */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return nm[1]!;
  const src = /\/(?:src|dist)\/([^/]+)\//.exec(url);
  if (src) return `src/${src[1]}`;
  if (url.startsWith('node:')) return 'node (internals)';
  return url.replace(/^file:\/\//, '');
}

export interface ProfileSummary {
  totalMs: number;
  areas: Array<{ area: string; ms: number }>;
  functions: Array<{ name: string; where: string; ms: number }>;
}

export async function summariseProfile(file: string, top = 15): Promise<ProfileSummary> {
  const p = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const areas = new Map<string, number>();
  const fns = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us / 1000);
    const name = functionName || '(anonymous)';
    const where = url ? `${url.replace(/^.*?\/(node_modules|src|\.bench-dist)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${name}\0${where}`;
    const f = fns.get(key) ?? { name, where, ms: 0 };
    f.ms += us / 1000;
    fns.set(key, f);
  }
  return {
    totalMs: (p.endTime - p.startTime) / 1000,
    areas: [...areas].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms).slice(0, top),
    functions: [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

export function formatProfile(title: string, s: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)} %`;
  const lines = [`${title} (${(s.totalMs / 1000).toFixed(1)} s sampled; self time)`, '  by area:'];
  for (const a of s.areas) lines.push(`    ${a.area.padEnd(28)} ${(a.ms / 1000).toFixed(2).padStart(8)} s ${pct(a.ms)}`);
  lines.push('  by function:');
  for (const f of s.functions) lines.push(`    ${(f.ms / 1000).toFixed(2).padStart(8)} s ${pct(f.ms)}  ${f.name}  ${f.where}`);
  return lines.join('\n');
}
