import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../../src/domain/metrics/computeMetrics.ts';
import type { MetricsEvent } from '../../../../src/domain/metrics/MetricsReport.ts';
import { metricsToCsv } from '../../../../src/domain/metrics/metricsToCsv.ts';

const ev = (at: string, user: string | null, action: string, frameId: string | null, detail: Record<string, unknown> = {}): MetricsEvent => ({
  at,
  user,
  action,
  frameId,
  detail,
});
const added = (manual: number, fit: number, changed = 0) => ({ added: { manual, fit, import: 0 }, changed });
const override = (ruleId: string) => ({ ruleId, cuboidId: 'x', reason: 'occluded, checked by eye' });

/**
 * Two annotators (alice, bob) and a reviewer (rita) over two UTC days. Hand-computed figures
 * (idle limit 5 min) are in the comments beside each event.
 */
const LOG: MetricsEvent[] = [
  // Day 1, alice
  ev('2024-05-01T09:00:00Z', 'alice', 'login', null), //                  first event: 0
  ev('2024-05-01T09:02:00Z', 'alice', 'save', 'F1', added(2, 0)), //       +120 s F1
  ev('2024-05-01T09:04:00Z', 'alice', 'save', 'F1', added(0, 3)), //       +120 s F1
  ev('2024-05-01T09:20:00Z', 'alice', 'save', 'F1', added(0, 1, 2)), //    16 min gap: idle, 0
  ev('2024-05-01T09:21:30Z', 'alice', 'submit', 'F1', { boxCount: 6, overrides: [override('tooFewPoints'), override('overlap')] }), // +90 s
  ev('2024-05-01T09:23:00Z', 'alice', 'save', 'F2', added(1, 1)), //       +90 s F2
  ev('2024-05-01T09:25:00Z', 'alice', 'submit', 'F2', { boxCount: 2, overrides: [] }), // +120 s F2
  // Day 1, rita
  ev('2024-05-01T10:00:00Z', 'rita', 'flag_add', 'F1', { annotator: 'alice' }), // first: 0
  ev('2024-05-01T10:03:00Z', 'rita', 'reject', 'F1', { annotator: 'alice' }), //   +180 s; turnaround 41.5 min
  ev('2024-05-01T10:04:00Z', 'rita', 'accept', 'F2', { annotator: 'alice' }), //   +60 s; turnaround 39 min
  // Day 2
  ev('2024-05-02T07:00:00Z', null, 'import', 'F4', { boxCount: 3 }), //    no user: ignored
  ev('2024-05-02T08:00:00Z', 'alice', 'save', 'F1', added(0, 0, 1)), //    idle since yesterday: 0
  ev('2024-05-02T08:03:00Z', 'alice', 'flag_update', 'F1', {}), //         +180 s
  ev('2024-05-02T08:04:00Z', 'alice', 'submit', 'F1', { boxCount: 6, overrides: [] }), // +60 s
  ev('2024-05-02T08:10:00Z', 'bob', 'save', 'F3', added(4, 0)), //         first: 0
  ev('2024-05-02T08:14:00Z', 'bob', 'save', 'F3', added(0, 0)), //         +240 s
  ev('2024-05-02T08:30:00Z', 'rita', 'accept', 'F1', { annotator: 'alice' }), // idle: 0; turnaround 26 min
];

const MIN = 60_000;

describe('computeMetrics on a scripted activity log', () => {
  const report = computeMetrics(LOG);
  const row = (user: string) => report.users.find((r) => r.user === user)!;

  it('alice: 13 active minutes, 8 boxes (5 by fit), 36.92 boxes/h, 1 flag on 14 submitted boxes, 1 of 3 submits rejected', () => {
    const a = row('alice');
    expect(a.activeMs).toBe(780_000);
    expect(a.frames).toBe(2);
    expect(a.activeMsPerFrame).toBe(390_000);
    expect(a.boxesCreated).toBe(8);
    expect(a.boxesFit).toBe(5);
    expect(a.boxesManual).toBe(3);
    expect(a.fitShare).toBe(0.625);
    expect(a.activeMsPerBox).toBe(97_500);
    expect(a.boxesPerHour).toBeCloseTo(8 / (780 / 3600), 10);
    expect(a.boxesPerHour).toBeCloseTo(36.923, 3);
    expect(a.boxesChanged).toBe(3);
    expect(a.submits).toBe(3);
    expect(a.checkOverrides).toBe(2);
    expect(a.submitsWithOverrides).toBe(1);
    expect(a.boxesSubmitted).toBe(14);
    expect(a.flagsReceived).toBe(1);
    expect(a.flagsPer100Boxes).toBeCloseTo(100 / 14, 12);
    expect(a.framesRejected).toBe(1);
    expect(a.rejectRate).toBeCloseTo(1 / 3, 12);
    expect(a.accepts + a.rejects + a.flagsRaised).toBe(0);
    expect(a.turnaroundMeanMs).toBeNull();
  });

  it('rita: 4 active minutes, 3 verdicts, turnaround mean 35.5 min and median 39 min', () => {
    const r = row('rita');
    expect(r.activeMs).toBe(240_000);
    expect(r.frames).toBe(2);
    expect(r.accepts).toBe(2);
    expect(r.rejects).toBe(1);
    expect(r.flagsRaised).toBe(1);
    expect(r.turnaroundMeanMs).toBe(((41.5 + 39 + 26) * MIN) / 3);
    expect(r.turnaroundMeanMs).toBe(35.5 * MIN);
    expect(r.turnaroundMedianMs).toBe(39 * MIN);
    expect(r.boxesCreated).toBe(0);
    expect(r.boxesPerHour).toBe(0);
    expect(r.fitShare).toBeNull();
  });

  it('bob: 4 manual boxes in 4 minutes = 60 boxes/h, nothing by fit', () => {
    expect(row('bob')).toMatchObject({ activeMs: 240_000, boxesCreated: 4, fitShare: 0, boxesPerHour: 60, frames: 1, activeMsPerBox: 60_000 });
  });

  it('per day: alice 9 min, 53.33 boxes/h and 12.5 flags per 100 submitted boxes on day 1; 4 min and no new boxes on day 2', () => {
    const day = (d: string, u: string) => report.daily.find((r) => r.day === d && r.user === u)!;
    expect(report.daily.map((r) => `${r.day} ${r.user}`)).toEqual([
      '2024-05-01 alice',
      '2024-05-01 rita',
      '2024-05-02 alice',
      '2024-05-02 bob',
      '2024-05-02 rita',
    ]);
    expect(day('2024-05-01', 'alice')).toMatchObject({
      activeMs: 540_000,
      boxesCreated: 8,
      submits: 2,
      boxesSubmitted: 8,
      flagsReceived: 1,
      flagsPer100Boxes: 12.5,
      framesRejected: 1,
      rejectRate: 0.5,
    });
    expect(day('2024-05-01', 'alice').boxesPerHour).toBeCloseTo(53.333, 3);
    expect(day('2024-05-02', 'alice')).toMatchObject({ activeMs: 240_000, boxesCreated: 0, boxesPerHour: 0, submits: 1, frames: 1 });
    expect(day('2024-05-02', 'rita')).toMatchObject({ activeMs: 0, accepts: 1, turnaroundMeanMs: 26 * MIN });
  });

  it('per frame: alice spent 570 s on F1 (330 s on day 1, 240 s on day 2) and 210 s on F2', () => {
    const f = (id: string, u: string) => report.frames.find((r) => r.frameId === id && r.user === u)!;
    expect(f('F1', 'alice')).toEqual({ frameId: 'F1', user: 'alice', activeMs: 570_000, boxesCreated: 6, saves: 4 });
    expect(f('F2', 'alice')).toEqual({ frameId: 'F2', user: 'alice', activeMs: 210_000, boxesCreated: 2, saves: 1 });
    expect(report.frames.some((r) => r.frameId === 'F4')).toBe(false);
  });

  it('totals sum the users and recompute the ratios', () => {
    expect(report.total).toMatchObject({ user: '*', activeMs: 1_260_000, boxesCreated: 12, boxesFit: 5, accepts: 2, rejects: 1, submits: 3 });
    expect(report.total.turnaroundMedianMs).toBe(39 * MIN);
    expect(report.total.boxesPerHour).toBeCloseTo(12 / (1260 / 3600), 10);
  });

  it('a range keeps earlier events as context: an interval crossing `from` counts, a submit before it still times the verdict', () => {
    const r = computeMetrics(LOG, { from: '2024-05-01T09:03:00Z', to: '2024-05-01T23:59:59.999Z' });
    const a = r.users.find((u) => u.user === 'alice')!;
    expect(a.activeMs).toBe(120_000 + 0 + 90_000 + 90_000 + 120_000);
    expect(a.boxesCreated).toBe(6);
    expect(r.users.map((u) => u.user)).toEqual(['alice', 'rita']);
    const day2 = computeMetrics(LOG, { from: '2024-05-02T00:00:00Z' });
    expect(day2.users.find((u) => u.user === 'rita')!.turnaroundMeanMs).toBe(26 * MIN);
  });

  it('filters rows by user and honours another idle limit', () => {
    const onlyBob = computeMetrics(LOG, { user: 'bob' });
    expect(onlyBob.users.map((u) => u.user)).toEqual(['bob']);
    expect(onlyBob.total.activeMs).toBe(240_000);
    const strict = computeMetrics(LOG, { idleGapMs: 100_000 });
    // Only gaps ≤ 100 s count: alice's two 90 s and one 60 s, rita's 60 s.
    expect(strict.users.find((u) => u.user === 'alice')!.activeMs).toBe(240_000);
    expect(strict.users.find((u) => u.user === 'rita')!.activeMs).toBe(60_000);
    expect(strict.idleGapMs).toBe(100_000);
  });

  it('skips events with an unreadable time and malformed details', () => {
    const r = computeMetrics([
      ev('not a time', 'x', 'save', 'F', added(9, 9)),
      ev('2024-01-01T00:00:00Z', 'x', 'save', 'F', { added: 'lots', changed: -4 }),
      ev('2024-01-01T00:01:00Z', 'x', 'submit', 'F', { overrides: 'none' }),
    ]);
    expect(r.users[0]).toMatchObject({ user: 'x', activeMs: 60_000, boxesCreated: 0, boxesChanged: 0, submits: 1, checkOverrides: 0 });
  });
});

describe('metricsToCsv', () => {
  const report = computeMetrics(LOG);

  it('writes one row per user with minutes, hours and fractions', () => {
    const lines = metricsToCsv(report, 'user').split('\r\n');
    expect(lines[0].split(',').slice(0, 10)).toEqual([
      'user',
      'active_minutes',
      'frames',
      'minutes_per_frame',
      'boxes_created',
      'boxes_fit',
      'boxes_manual',
      'fit_share',
      'seconds_per_box',
      'boxes_per_hour',
    ]);
    expect(lines[1]).toMatch(/^alice,13\.00,2,6\.50,8,5,3,0\.625,97\.5,36\.92,3,\d+,3,14,2,1,1,7\.14,1,0\.333,0,0,0,,/);
    expect(lines[0].split(',').slice(10, 12)).toEqual(['boxes_changed', 'boxes_removed']);
    expect(lines[3]).toMatch(/^rita,4\.00,2,2\.00,0,0,0,,,0\.00,.*,0\.592,0\.650$/);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('writes day and frame tables, quoting awkward names', () => {
    expect(metricsToCsv(report, 'day').split('\r\n')[1]).toMatch(/^2024-05-01,alice,9\.00,/);
    expect(metricsToCsv(report, 'frame').split('\r\n').slice(0, 2)).toEqual(['frame,user,active_minutes,boxes_created,saves', 'F1,alice,9.50,6,4']);
    const odd = computeMetrics([ev('2024-01-01T00:00:00Z', '=cmd,"x"', 'login', null)]);
    expect(metricsToCsv(odd, 'user').split('\r\n')[1]).toMatch(/^"'=cmd,""x"""/);
  });
});
