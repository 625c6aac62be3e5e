/**
 * `npm run bench`: runs every bench module and prints our figures beside the reference's.
 *
 *   tsx tests/bench/runBench.ts [--only pcd[,boxes]] [--quick]
 *
 * --only   run only the named benches (ids below; repeatable or comma-separated)
 * --quick  skip the 5M-point cases
 *
 * Results also go to tests/bench/results/latest.json (not committed).
 * The 5M-point ASCII case needs a few GB of heap: when the heap limit is below 6 GiB the script
 * re-runs itself with --max-old-space-size=8192, so the npm script needs no NODE_OPTIONS.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { BenchReport } from './BenchReport.ts';

/** A bench module: one file `<name>.bench.ts` exporting `run(report)`. */
export interface BenchModule {
  run(report: BenchReport): Promise<void>;
}

interface BenchEntry {
  id: string;
  aliases: string[];
  load: () => Promise<BenchModule>;
}

/** Add new benches here. */
const BENCHES: BenchEntry[] = [
  { id: 'pcd', aliases: ['pcdParse', 'parse'], load: () => import('./pcdParse.bench.ts') },
  { id: 'plylas', aliases: ['ply', 'las'], load: () => import('./plyLasParse.bench.ts') },
  { id: 'boxes', aliases: ['pointsInCuboids', 'pib'], load: () => import('./pointsInCuboids.bench.ts') },
  { id: 'checks', aliases: ['rules', 'precheck'], load: () => import('./checks.bench.ts') },
  { id: 'fit', aliases: ['click', 'fitCuboid'], load: () => import('./fit.bench.ts') },
  { id: 'server', aliases: ['save', 'export'], load: () => import('./serverSave.bench.ts') },
  { id: 'merged', aliases: ['lod', 'sweeps'], load: () => import('./mergedSequence.bench.ts') },
  { id: 'formats', aliases: ['labelFormats', 'labelExport'], load: () => import('./labelExport.bench.ts') },
];

const HEAP_MB = 8192;
const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));

function parseArgs(argv: string[]): { only: string[] | null; quick: boolean } {
  let only: string[] | null = null;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const value = a === '--only' ? argv[++i] : a.slice('--only='.length);
      if (!value) throw new Error('runBench: --only needs a bench id');
      only = [...(only ?? []), ...value.split(',').filter(Boolean)];
    } else if (a === '--help' || a === '-h') {
      console.log(`usage: runBench.ts [--only ${BENCHES.map((b) => b.id).join('|')}] [--quick]`);
      process.exit(0);
    } else throw new Error(`runBench: unknown argument "${a}"`);
  }
  return { only, quick };
}

function selected(entry: BenchEntry, only: string[] | null): boolean {
  if (only === null) return true;
  return only.some((o) => [entry.id, ...entry.aliases].some((n) => n.toLowerCase() === o.toLowerCase()));
}

/** Re-runs this script with a bigger heap; returns false when already big enough. */
function relaunchWithBiggerHeap(): boolean {
  const limitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  if (limitMb >= 6144 || process.env.CUBOID_BENCH_CHILD === '1') return false;
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, CUBOID_BENCH_CHILD: '1' },
  });
  process.exitCode = child.status ?? 1;
  return true;
}

async function main(): Promise<void> {
  const { only, quick } = parseArgs(process.argv.slice(2));
  if (relaunchWithBiggerHeap()) return;
  const unknown = (only ?? []).filter((o) => !BENCHES.some((b) => selected(b, [o])));
  if (unknown.length > 0) throw new Error(`runBench: unknown bench "${unknown.join(', ')}"`);

  const report = new BenchReport({ quick });
  const heapGiB = (v8.getHeapStatistics().heap_size_limit / 2 ** 30).toFixed(1);
  console.log(`Cuboid bench — node ${process.version}, heap limit ${heapGiB} GiB, ${quick ? 'quick (no 5M cases)' : 'full'} run`);
  for (const entry of BENCHES.filter((b) => selected(b, only))) {
    const mod = await entry.load();
    await mod.run(report);
  }
  report.writeJson(RESULTS);
  console.log(`\nwrote ${RESULTS}`);
}

main().catch((err: unknown) => {
  // Usage errors are ours and self-explanatory; anything else gets its stack.
  console.error(err instanceof Error && err.message.startsWith('runBench:') ? err.message : err);
  process.exitCode = 1;
});
