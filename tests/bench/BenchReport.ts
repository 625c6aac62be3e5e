/**
 * Collects benchmark rows, prints them as aligned tables while the run goes on, and writes the
 * whole run as JSON. A row is "our figure | the reference's figure | ratio" plus free columns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';

export interface BenchOptions {
  /** Skip the slowest cases (the 5M-point clouds). */
  quick: boolean;
}

export interface BenchRow {
  name: string;
  /** Our time in milliseconds (median), or null when not measured. */
  oursMs: number | null;
  /** The reference's time in milliseconds (median), or null when there is none. */
  referenceMs: number | null;
  /** referenceMs / oursMs when both exist: > 1 means we are faster. */
  ratio: number | null;
  /** Extra columns, printed in the order the table declared them. */
  extra: Record<string, string | number>;
}

export interface BenchTableSpec {
  title: string;
  /** What "reference" means in this table, e.g. 'three.js PCDLoader'. */
  reference: string;
  /** Names of the extra columns. */
  columns?: string[];
  /** Width of the name column (default 30). */
  nameWidth?: number;
}

const NUM_WIDTH = 12;

/** Formats milliseconds with 3 significant digits. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  return `${(ms * 1000).toPrecision(3)} µs`;
}

/** Formats a ratio as "12.3×". */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return ratio >= 100 ? `${ratio.toFixed(0)}×` : `${ratio.toPrecision(3)}×`;
}

export class BenchTable {
  readonly spec: BenchTableSpec;
  readonly rows: BenchRow[] = [];
  readonly notes: string[] = [];
  private readonly widths: number[];

  constructor(spec: BenchTableSpec) {
    this.spec = spec;
    const extra = spec.columns ?? [];
    this.widths = [spec.nameWidth ?? 30, NUM_WIDTH, NUM_WIDTH, 9, ...extra.map((c) => Math.max(c.length, 10))];
    console.log(`\n## ${spec.title}   (reference: ${spec.reference})`);
    this.printLine(['case', 'ours', 'reference', 'ratio', ...extra]);
    console.log(this.widths.map((w) => '-'.repeat(w)).join('-|-'));
  }

  /** Adds a row and prints it. The ratio is reference / ours unless given. */
  row(name: string, oursMs: number | null, referenceMs: number | null, extra: Record<string, string | number> = {}, ratio?: number | null): BenchRow {
    const r: BenchRow = {
      name,
      oursMs,
      referenceMs,
      ratio: ratio !== undefined ? ratio : oursMs !== null && referenceMs !== null && oursMs > 0 ? referenceMs / oursMs : null,
      extra,
    };
    this.rows.push(r);
    const cols = (this.spec.columns ?? []).map((c) => String(extra[c] ?? ''));
    this.printLine([name, formatMs(oursMs), formatMs(referenceMs), formatRatio(r.ratio), ...cols]);
    return r;
  }

  /** A line of text under the table (sanity failures, caveats). */
  note(text: string): void {
    this.notes.push(text);
    console.log(`   ${text}`);
  }

  private printLine(cells: string[]): void {
    const out = cells.map((c, i) => (i === 0 ? c.padEnd(this.widths[i]) : c.padStart(this.widths[i])));
    console.log(out.join(' | '));
  }
}

export class BenchReport {
  readonly options: BenchOptions;
  readonly tables: BenchTable[] = [];
  readonly startedAt = new Date();

  constructor(options: BenchOptions) {
    this.options = options;
  }

  /** Starts a new table (its header prints immediately). */
  table(spec: BenchTableSpec): BenchTable {
    const t = new BenchTable(spec);
    this.tables.push(t);
    return t;
  }

  toJSON(): unknown {
    return {
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      options: this.options,
      machine: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
      },
      tables: this.tables.map((t) => ({ ...t.spec, rows: t.rows, notes: t.notes })),
    };
  }

  /** Writes the run as JSON (creates the folder if needed). */
  writeJson(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(this.toJSON(), null, 2)}\n`);
  }
}
