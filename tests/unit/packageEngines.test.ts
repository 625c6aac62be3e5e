import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];

/** `20.19` → [20, 19, 0]; `20.x` → [20, 0, 0] with `wild` at the first `x`. */
function parseVersion(text: string): { v: Version; parts: number } {
  const parts = text.trim().replace(/^v/, '').split('.');
  const nums: number[] = [];
  for (const p of parts) {
    if (p === 'x' || p === '*') break;
    if (!/^\d+$/.test(p)) throw new Error(`unsupported version "${text}"`);
    nums.push(Number(p));
  }
  return { v: [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0], parts: nums.length };
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `v` satisfies one comparator (`>=a.b`, `^a.b.c`, `a.x`, `a`, `*`). */
function satisfiesComparator(v: Version, c: string): boolean {
  if (c === '*' || c === '') return true;
  const m = /^(>=|<=|>|<|\^|~)?\s*(.+)$/.exec(c);
  if (m === null) throw new Error(`unsupported comparator "${c}"`);
  const { v: w, parts } = parseVersion(m[2]);
  switch (m[1]) {
    case '>=':
      return cmp(v, w) >= 0;
    case '>':
      return cmp(v, w) > 0;
    case '<':
      return cmp(v, w) < 0;
    case '<=':
      return cmp(v, w) <= 0;
    case '^':
      return cmp(v, w) >= 0 && (w[0] > 0 ? v[0] === w[0] : v[0] === 0 && v[1] === w[1]);
    case '~':
      return cmp(v, w) >= 0 && v[0] === w[0] && (parts < 2 || v[1] === w[1]);
    default:
      // A bare version: `20`, `20.x` match the whole major (or minor); `20.19.0` exactly.
      return v.slice(0, parts).every((n, i) => n === w[i]);
  }
}

/** npm-style range with `||` alternatives of space-separated comparators (`>= 10` keeps its space). */
function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((alt) => {
    const comparators = alt
      .trim()
      .replace(/(>=|<=|>|<|\^|~)\s+/g, '$1')
      .split(/\s+/);
    return comparators.every((c) => satisfiesComparator(v, c));
  });
}

describe('package engines', () => {
  it('every installed package accepts the Node floor of package.json (no EBADENGINE on npm install)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { engines: { node: string } };
    const floor = /^>=\s*([\d.]+)$/.exec(pkg.engines.node);
    expect(floor, `engines.node "${pkg.engines.node}" is a >= floor`).not.toBeNull();
    const node = parseVersion(floor![1]).v;
    const lock = JSON.parse(fs.readFileSync(path.resolve('package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: Record<string, string> | string[]; optional?: boolean }>;
    };
    const refused: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const range = entry.engines !== undefined && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      if (where === '' || range === undefined) continue;
      if (!satisfies(node, range)) refused.push(`${where} requires node ${range}`);
    }
    expect(refused).toEqual([]);
  });

  it('reads the ranges npm writes', () => {
    const v = parseVersion('20.19').v;
    expect(satisfies(v, '>=22')).toBe(false);
    expect(satisfies(v, '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies(v, '^20.0.0 || ^22.0.0 || >=24.0.0')).toBe(true);
    expect(satisfies(v, '20.x || 22.x')).toBe(true);
    expect(satisfies(v, '>= 10')).toBe(true);
    expect(satisfies(v, '^20.20.0 || >=22')).toBe(false);
  });
});
