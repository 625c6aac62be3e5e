/**
 * Summarises V8 `.cpuprofile` files (from `CUBOID_SCALE_PROFILE_DIR`, see `serveProcess.ts`):
 * the busiest functions by self time and by total (inclusive) time, in ms and % of the samples.
 *
 *   node --import tsx tests/bench/scale/profileTop.ts FILE.cpuprofile [--top 40] [--filter TEXT]
 *
 * `--filter TEXT` keeps only the functions whose name or URL contains TEXT in the totals table.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.cpuprofile'));
if (file === undefined) throw new Error('profileTop: name a .cpuprofile file');
const topIdx = args.indexOf('--top');
const TOP = topIdx >= 0 ? Number(args[topIdx + 1]) : 40;
const filterIdx = args.indexOf('--filter');
const FILTER = filterIdx >= 0 ? args[filterIdx + 1] : null;

const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  all += us;
  const node = byId.get(id) as ProfileNode;
  if (node.callFrame.functionName === '(idle)') idle += us;
  self.set(label(node), (self.get(label(node)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur) as ProfileNode);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
});
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%`;
process.stdout.write(`${file}: ${(all / 1e6).toFixed(1)} s sampled, ${(idle / 1e6).toFixed(1)} s idle, ${((all - idle) / 1e6).toFixed(1)} s busy\n`);
process.stdout.write(`\nself time:\n`);
for (const [l, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) process.stdout.write(`${ms(us)}  ${l}\n`);
process.stdout.write(`\ntotal time${FILTER !== null ? ` (matching ${FILTER})` : ''}:\n`);
for (const [l, us] of [...total]
  .filter(([l]) => FILTER === null || l.includes(FILTER))
  .sort((a, b) => b[1] - a[1])
  .slice(0, TOP))
  process.stdout.write(`${ms(us)}  ${l}\n`);
