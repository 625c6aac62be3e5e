import type { DailyMetricsRow, FrameMetricsRow, MetricsEvent, MetricsOptions, MetricsReport, MetricsRow } from './MetricsReport.ts';
import { DEFAULT_IDLE_GAP_MS } from './MetricsReport.ts';

interface Acc {
  activeMs: number;
  frames: Set<string>;
  boxesFit: number;
  boxesManual: number;
  boxesChanged: number;
  boxesRemoved: number;
  submits: number;
  boxesSubmitted: number;
  checkOverrides: number;
  submitsWithOverrides: number;
  flagsReceived: number;
  framesRejected: number;
  accepts: number;
  rejects: number;
  flagsRaised: number;
  turnarounds: number[];
}

const HOUR_MS = 3_600_000;

/**
 * Annotator ROI from the activity log, per user, per user and UTC day, and per frame.
 *
 * - Active time: for each user, the time between consecutive events (saves, submits, flags,
 *   verdicts, logins) counts when it is at most `idleGapMs`; it is credited to the later event
 *   (its day and frame). A longer gap is idle and counts nothing, nor does the time before a
 *   user's first event.
 * - Boxes created: `detail.added.{manual,fit}` of `save` events (boxes an import added are not
 *   anyone's work); fit share = fit / created; boxes per hour = created / active hours. Boxes
 *   changed and removed: `detail.changed` and `detail.removed` of `save` events (the correction of
 *   imported pre-labels, which creates nothing).
 * - Rework: `flag_add` and `reject` events count against `detail.annotator` (the frame's
 *   annotator); flags per 100 boxes = flags received / boxes submitted × 100, where boxes
 *   submitted sums `detail.boxCount` of the user's submits (a resubmitted frame is reviewed, and
 *   counted, again); reject rate = rejections / submits.
 * - Check failures at submit: `detail.overrides.length` of `submit` events.
 * - Reviewer turnaround: from the frame's latest `submit` (even one before `from`) to an
 *   `accept` or `reject`, credited to the reviewer.
 *
 * Events with an unparsable time are skipped. Pure; the input is not modified.
 */
export function computeMetrics(events: readonly MetricsEvent[], opts: MetricsOptions = {}): MetricsReport {
  const idleGapMs = opts.idleGapMs ?? DEFAULT_IDLE_GAP_MS;
  const from = opts.from !== undefined ? Date.parse(opts.from) : -Infinity;
  const to = opts.to !== undefined ? Date.parse(opts.to) : Infinity;
  const timed = events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .filter((x) => Number.isFinite(x.t))
    .sort((a, b) => a.t - b.t || a.i - b.i);

  const byUser = new Map<string, Acc>();
  const byDay = new Map<string, Acc>();
  const byFrame = new Map<string, FrameMetricsRow>();
  const lastSeen = new Map<string, number>();
  const lastSubmit = new Map<string, number>();
  const accsFor = (user: string, day: string): Acc[] => [getOrCreate(byUser, user, newAcc), getOrCreate(byDay, `${day}\u0000${user}`, newAcc)];

  for (const { e, t } of timed) {
    const inRange = t >= from && t <= to;
    const user = e.user;
    const prev = user !== null ? lastSeen.get(user) : undefined;
    if (user !== null) lastSeen.set(user, t);
    const submittedAt = e.frameId !== null ? lastSubmit.get(e.frameId) : undefined;
    if (e.action === 'submit' && e.frameId !== null) lastSubmit.set(e.frameId, t);
    if (!inRange) continue;
    const day = new Date(t).toISOString().slice(0, 10);
    const annotator = typeof e.detail.annotator === 'string' ? e.detail.annotator : null;
    if ((e.action === 'flag_add' || e.action === 'reject') && annotator !== null) {
      for (const acc of accsFor(annotator, day)) {
        if (e.action === 'flag_add') acc.flagsReceived++;
        else acc.framesRejected++;
      }
    }
    if (user === null) continue;
    const gap = prev !== undefined ? t - prev : 0;
    const active = gap > 0 && gap <= idleGapMs ? gap : 0;
    const frameRow =
      e.frameId !== null
        ? getOrCreate(byFrame, `${e.frameId}\u0000${user}`, () => ({ frameId: e.frameId as string, user, activeMs: 0, boxesCreated: 0, saves: 0 }))
        : null;
    if (frameRow !== null) frameRow.activeMs += active;
    const added = e.action === 'save' ? readAdded(e.detail) : { fit: 0, manual: 0 };
    if (frameRow !== null && e.action === 'save') {
      frameRow.saves++;
      frameRow.boxesCreated += added.fit + added.manual;
    }
    for (const acc of accsFor(user, day)) {
      acc.activeMs += active;
      if (e.frameId !== null) acc.frames.add(e.frameId);
      switch (e.action) {
        case 'save':
          acc.boxesFit += added.fit;
          acc.boxesManual += added.manual;
          acc.boxesChanged += readCount(e.detail.changed);
          acc.boxesRemoved += readCount(e.detail.removed);
          break;
        case 'submit': {
          const n = Array.isArray(e.detail.overrides) ? e.detail.overrides.length : 0;
          acc.submits++;
          acc.boxesSubmitted += readCount(e.detail.boxCount);
          acc.checkOverrides += n;
          if (n > 0) acc.submitsWithOverrides++;
          break;
        }
        case 'flag_add':
          acc.flagsRaised++;
          break;
        case 'accept':
        case 'reject':
          if (e.action === 'accept') acc.accepts++;
          else acc.rejects++;
          if (submittedAt !== undefined) acc.turnarounds.push(t - submittedAt);
          break;
      }
    }
  }

  const keep = (user: string) => opts.user === undefined || user === opts.user;
  const users = [...byUser]
    .filter(([u]) => keep(u))
    .sort(([a], [b]) => compare(a, b))
    .map(([u, acc]) => toRow(u, acc));
  const daily: DailyMetricsRow[] = [...byDay]
    .map(([key, acc]) => {
      const [day, user] = key.split('\u0000');
      return { day, ...toRow(user, acc) };
    })
    .filter((r) => keep(r.user))
    .sort((a, b) => compare(a.day, b.day) || compare(a.user, b.user));
  const frames = [...byFrame.values()].filter((r) => keep(r.user)).sort((a, b) => compare(a.frameId, b.frameId) || compare(a.user, b.user));
  const totalAcc = newAcc();
  for (const [u, acc] of byUser) if (keep(u)) mergeInto(totalAcc, acc, u);
  return {
    from: opts.from ?? null,
    to: opts.to ?? null,
    idleGapMs,
    users,
    daily,
    frames,
    total: toRow('*', totalAcc),
  };
}

function newAcc(): Acc {
  return {
    activeMs: 0,
    frames: new Set(),
    boxesFit: 0,
    boxesManual: 0,
    boxesChanged: 0,
    boxesRemoved: 0,
    submits: 0,
    boxesSubmitted: 0,
    checkOverrides: 0,
    submitsWithOverrides: 0,
    flagsReceived: 0,
    framesRejected: 0,
    accepts: 0,
    rejects: 0,
    flagsRaised: 0,
    turnarounds: [],
  };
}

function mergeInto(total: Acc, acc: Acc, user: string): void {
  total.activeMs += acc.activeMs;
  // A frame worked on by two users counts once per user: the per-frame average stays per person.
  for (const f of acc.frames) total.frames.add(`${user}\u0000${f}`);
  total.boxesFit += acc.boxesFit;
  total.boxesManual += acc.boxesManual;
  total.boxesChanged += acc.boxesChanged;
  total.boxesRemoved += acc.boxesRemoved;
  total.submits += acc.submits;
  total.boxesSubmitted += acc.boxesSubmitted;
  total.checkOverrides += acc.checkOverrides;
  total.submitsWithOverrides += acc.submitsWithOverrides;
  total.flagsReceived += acc.flagsReceived;
  total.framesRejected += acc.framesRejected;
  total.accepts += acc.accepts;
  total.rejects += acc.rejects;
  total.flagsRaised += acc.flagsRaised;
  total.turnarounds.push(...acc.turnarounds);
}

function toRow(user: string, a: Acc): MetricsRow {
  const created = a.boxesFit + a.boxesManual;
  const frames = a.frames.size;
  return {
    user,
    activeMs: a.activeMs,
    frames,
    activeMsPerFrame: ratio(a.activeMs, frames),
    boxesCreated: created,
    boxesFit: a.boxesFit,
    boxesManual: a.boxesManual,
    fitShare: ratio(a.boxesFit, created),
    activeMsPerBox: ratio(a.activeMs, created),
    boxesPerHour: a.activeMs > 0 ? created / (a.activeMs / HOUR_MS) : null,
    boxesChanged: a.boxesChanged,
    boxesRemoved: a.boxesRemoved,
    submits: a.submits,
    boxesSubmitted: a.boxesSubmitted,
    checkOverrides: a.checkOverrides,
    submitsWithOverrides: a.submitsWithOverrides,
    flagsReceived: a.flagsReceived,
    flagsPer100Boxes: a.boxesSubmitted > 0 ? (a.flagsReceived / a.boxesSubmitted) * 100 : null,
    framesRejected: a.framesRejected,
    rejectRate: ratio(a.framesRejected, a.submits),
    accepts: a.accepts,
    rejects: a.rejects,
    flagsRaised: a.flagsRaised,
    turnaroundMeanMs: a.turnarounds.length > 0 ? a.turnarounds.reduce((s, x) => s + x, 0) / a.turnarounds.length : null,
    turnaroundMedianMs: median(a.turnarounds),
  };
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function readCount(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function readAdded(detail: Record<string, unknown>): { fit: number; manual: number } {
  const added = detail.added;
  if (typeof added !== 'object' || added === null) return { fit: 0, manual: 0 };
  const a = added as Record<string, unknown>;
  return { fit: readCount(a.fit), manual: readCount(a.manual) };
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
