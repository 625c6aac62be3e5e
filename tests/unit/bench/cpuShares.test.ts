import { describe, expect, it } from 'vitest';
import { formatCpuShares, startCpuShares } from '../../bench/scale/cpuShares.ts';

describe('bench:scale CPU shares', () => {
  it('charges the bench process its own CPU time and never more than the machine used', () => {
    const meter = startCpuShares();
    // Burn ~150 ms of CPU in this process, so its group has something to show.
    const until = Date.now() + 150;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    const s = meter.stop();
    expect(x).toBeGreaterThan(0);
    expect(s.cores).toBeGreaterThanOrEqual(1);
    expect(s.wallMs).toBeGreaterThanOrEqual(150);
    expect(s.groups['bench client (all annotators)']).toBeGreaterThan(0);
    for (const ms of Object.values(s.groups)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('prints each group as a share of every core over the period, largest first', () => {
    const line = formatCpuShares({ wallMs: 10_000, machineBusyMs: 12_000, cores: 2, groups: { postgres: 2_000, 'cuboid serve': 8_000 } });
    expect(line).toBe('CPU over 10 s (2 cores = 100 %): machine busy 60 %; cuboid serve 40 %, postgres 10 %');
  });
});
