import type { Cuboid } from '../domain/types.ts';
import type { CheckResult } from '../domain/checks/CheckResult.ts';
import type { ReviewFlag } from '../domain/document/FrameAnnotation.ts';
import { trackName, trackNumberOf } from '../domain/sequence/trackName.ts';

/** What the object list needs to know about hidden and locked classes and boxes (the visibility slice). */
export interface ListVisibility {
  hiddenClasses: readonly string[];
  hiddenBoxIds: readonly string[];
  lockedClasses: readonly string[];
  lockedBoxIds: readonly string[];
}

/** One box of the list. `hidden` / `locked` say whether it is, by its class or itself; `own*` whether by itself. */
export interface BoxRow {
  kind: 'box';
  key: string;
  id: string;
  label: string;
  trackId: string | null;
  /** "Track 12", or "no track". */
  track: string;
  /** The number of a `t<N>-…` track id, else null. */
  trackNo: number | null;
  errors: number;
  warnings: number;
  /** Open review flags on the box. */
  flags: number;
  /** Propagation could not place it with confidence. */
  attention: boolean;
  hidden: boolean;
  locked: boolean;
  ownHidden: boolean;
  ownLocked: boolean;
  /** Horizontal distance from the sensor, metres. */
  range: number;
}

/** A class heading: how many boxes it has, how many the filter shows, and their check and flag totals. */
export interface ClassRow {
  kind: 'class';
  key: string;
  label: string;
  count: number;
  shown: number;
  errors: number;
  warnings: number;
  flags: number;
  hidden: boolean;
  locked: boolean;
  collapsed: boolean;
}

export type ObjectRow = ClassRow | BoxRow;

export interface ObjectListModel {
  rows: ObjectRow[];
  total: number;
  shown: number;
  errors: number;
  warnings: number;
  flagged: number;
}

export interface ObjectListInput {
  cuboids: readonly Cuboid[];
  /** The open frame's check results (other frames' results are not passed). */
  results: readonly CheckResult[];
  flags: readonly ReviewFlag[];
  visibility: ListVisibility;
  /** Class order: the palette first, then other classes by name. */
  palette: readonly string[];
  query: string;
  collapsed: readonly string[];
}

/** Sort key of a track: numbered tracks by number, then the others by id, then boxes without one. */
function trackOrder(a: BoxRow, b: BoxRow): number {
  const na = a.trackNo;
  const nb = b.trackNo;
  if (na !== null && nb !== null && na !== nb) return na - nb;
  if (na !== null && nb === null) return -1;
  if (nb !== null && na === null) return 1;
  if (a.trackId !== b.trackId) {
    if (a.trackId === null) return 1;
    if (b.trackId === null) return -1;
    return a.trackId < b.trackId ? -1 : 1;
  }
  return a.range - b.range;
}

const DIGITS = /^\d+$/;
/** A distance as the rows show it: `7.0`, `7.0m`. */
const RANGE = /^\d+\.\d+m?$/;
/** Fewest characters of a box id that find the box by its id. */
const ID_PREFIX = 6;

/** One word of a search, parsed: which part of a row it tests. */
type QueryWord = { kind: 'class' | 'track' | 'is' | 'text'; arg: string };

/**
 * A search parsed into words, all of which must match. `class:car` (or `c:`) the class,
 * `track:12` (or `t:`, `#12`) the track number (whole) or a part of the track id,
 * `is:error|warning|flagged|hidden|locked|attention` a state; a bare number the track number
 * (`car 1` as the row reads), a decimal one the distance a row shows (`7.0`, `7.0m`); any other word a part of the class, the track name or id of a
 * tracked box, or the first 6 or more characters of the box id (case-insensitive).
 */
export function parseQuery(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const raw of query.toLowerCase().split(/\s+/)) {
    if (raw === '') continue;
    const colon = raw.indexOf(':');
    const head = colon < 0 ? '' : raw.slice(0, colon);
    const arg = raw.slice(colon + 1);
    if (head === 'class' || head === 'c') words.push({ kind: 'class', arg });
    else if (head === 'track' || head === 't') words.push({ kind: 'track', arg });
    else if (raw.startsWith('#')) words.push({ kind: 'track', arg: raw.slice(1) });
    else if (head === 'is') words.push({ kind: 'is', arg });
    else words.push({ kind: 'text', arg: raw });
  }
  return words;
}

/** Whether `row` matches every word of a parsed search (`parseQuery`). */
export function matchesQuery(row: BoxRow, words: readonly QueryWord[]): boolean {
  let hay: string | null = null;
  for (const w of words) {
    if (w.kind === 'class') {
      if (!row.label.toLowerCase().includes(w.arg)) return false;
    } else if (w.kind === 'track') {
      // A number is a track number, whole ("#1" is not Track 12, nor a track id holding a 1).
      if (DIGITS.test(w.arg) ? row.trackNo !== Number(w.arg) : !(row.trackId ?? '').toLowerCase().includes(w.arg)) return false;
    } else if (w.kind === 'is') {
      if (!isState(row, w.arg)) return false;
    } else if (RANGE.test(w.arg)) {
      // "7.0" or "7.0m": the distance the row shows (to the tenth of a metre).
      if (row.range.toFixed(1) !== Number.parseFloat(w.arg).toFixed(1)) return false;
    } else if (DIGITS.test(w.arg)) {
      // "car 1", as the row reads: the number is the track's.
      if (row.trackNo !== Number(w.arg)) return false;
    } else {
      // The class and, for a tracked box, its name and id ("no track" is no match for "track");
      // a box id by its first characters (a random id holds every short word somewhere).
      hay ??= `${row.label} ${row.trackId !== null ? `${row.track} ${row.trackId}` : ''}`.toLowerCase();
      if (!hay.includes(w.arg) && !(w.arg.length >= ID_PREFIX && row.id.toLowerCase().startsWith(w.arg))) return false;
    }
  }
  return true;
}

/** What each `is:` word tests (plurals and `flag` too). */
const STATES: Readonly<Record<string, (row: BoxRow) => boolean>> = {
  error: (r) => r.errors > 0,
  errors: (r) => r.errors > 0,
  warning: (r) => r.warnings > 0,
  warnings: (r) => r.warnings > 0,
  flag: (r) => r.flags > 0,
  flagged: (r) => r.flags > 0,
  hidden: (r) => r.hidden,
  locked: (r) => r.locked,
  attention: (r) => r.attention,
};

/** The words `is:` takes, as the search's hint names them. */
export const IS_WORDS = ['error', 'warning', 'flagged', 'hidden', 'locked', 'attention'] as const;

/** The `is:` words of a search that name no state (`is:foo`): they match no box. */
export function unknownStates(query: string): string[] {
  return parseQuery(query)
    .filter((w) => w.kind === 'is' && !Object.hasOwn(STATES, w.arg))
    .map((w) => w.arg);
}

function isState(row: BoxRow, state: string): boolean {
  return Object.hasOwn(STATES, state) ? STATES[state](row) : false;
}

/**
 * The list's rows: a heading per class (palette order, then by name) with its boxes under it
 * (numbered tracks by number, then by id, then boxes without a track, nearest first), filtered by
 * `query`; a collapsed class keeps its heading only. A class none of whose boxes match is left out.
 */
export function buildObjectList(input: ObjectListInput): ObjectListModel {
  const { visibility: v } = input;
  const errors = new Map<string, number>();
  const warnings = new Map<string, number>();
  for (const r of input.results) {
    if (r.cuboidId === null) continue;
    if (r.severity === 'error') errors.set(r.cuboidId, (errors.get(r.cuboidId) ?? 0) + 1);
    else if (r.severity === 'warning') warnings.set(r.cuboidId, (warnings.get(r.cuboidId) ?? 0) + 1);
  }
  const flags = new Map<string, number>();
  for (const f of input.flags) if (f.state === 'open' && f.cuboidId !== null) flags.set(f.cuboidId, (flags.get(f.cuboidId) ?? 0) + 1);
  const hiddenClasses = new Set(v.hiddenClasses);
  const hiddenIds = new Set(v.hiddenBoxIds);
  const lockedClasses = new Set(v.lockedClasses);
  const lockedIds = new Set(v.lockedBoxIds);

  const byClass = new Map<string, BoxRow[]>();
  for (const c of input.cuboids) {
    const ownHidden = hiddenIds.has(c.id);
    const ownLocked = lockedIds.has(c.id);
    const row: BoxRow = {
      kind: 'box',
      key: `box:${c.id}`,
      id: c.id,
      label: c.label,
      trackId: c.trackId,
      track: c.trackId ? trackName(c.trackId) : 'no track',
      trackNo: trackNumberOf(c.trackId),
      errors: errors.get(c.id) ?? 0,
      warnings: warnings.get(c.id) ?? 0,
      flags: flags.get(c.id) ?? 0,
      attention: c.attributes.needsAttention === true,
      hidden: ownHidden || hiddenClasses.has(c.label),
      locked: ownLocked || lockedClasses.has(c.label),
      ownHidden,
      ownLocked,
      range: Math.hypot(c.center[0], c.center[1]),
    };
    const list = byClass.get(c.label);
    if (list) list.push(row);
    else byClass.set(c.label, [row]);
  }
  const order = (label: string) => {
    const i = input.palette.indexOf(label);
    return i < 0 ? input.palette.length : i;
  };
  const classes = [...byClass.keys()].sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  const collapsed = new Set(input.collapsed);
  const words = parseQuery(input.query);
  const rows: ObjectRow[] = [];
  const model: ObjectListModel = { rows, total: input.cuboids.length, shown: 0, errors: 0, warnings: 0, flagged: 0 };
  for (const label of classes) {
    const all = byClass.get(label)!;
    const shown = words.length === 0 ? all : all.filter((r) => matchesQuery(r, words));
    let e = 0;
    let w = 0;
    let f = 0;
    for (const r of all) {
      e += r.errors;
      w += r.warnings;
      if (r.flags > 0) f++;
    }
    model.errors += e;
    model.warnings += w;
    model.flagged += f;
    if (shown.length === 0) continue;
    model.shown += shown.length;
    const isCollapsed = collapsed.has(label);
    rows.push({
      kind: 'class',
      key: `class:${label}`,
      label,
      count: all.length,
      shown: shown.length,
      errors: e,
      warnings: w,
      flags: f,
      hidden: hiddenClasses.has(label),
      locked: lockedClasses.has(label),
      collapsed: isCollapsed,
    });
    if (!isCollapsed) rows.push(...[...shown].sort(trackOrder));
  }
  return model;
}

/** Height of one row of the list, CSS pixels (fixed, so that only the rows in view are drawn). */
export const ROW_HEIGHT = 24;
/** Rows drawn beyond each edge of the view, so that a quick scroll shows no gap. */
export const OVERSCAN = 8;

/** The rows `[start, end)` to draw for a scroll position and view height (CSS pixels). */
export function visibleRange(scrollTop: number, viewHeight: number, rowCount: number): [number, number] {
  // A scroll position left from a longer list (before a search) counts as the end of this one.
  const top = Math.max(0, Math.min(scrollTop, rowCount * ROW_HEIGHT - viewHeight));
  const first = Math.floor(top / ROW_HEIGHT);
  const last = Math.ceil((top + Math.max(0, viewHeight)) / ROW_HEIGHT);
  return [Math.max(0, first - OVERSCAN), Math.min(rowCount, last + OVERSCAN)];
}

/**
 * The row a list key moves to from `index` (−1: none yet), or null when the key is not a move:
 * ↓ / j next, ↑ / k previous, PageDown / PageUp by `pageRows`, Home / End the ends.
 */
export function moveIndex(key: string, index: number, rowCount: number, pageRows: number): number | null {
  if (rowCount === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(rowCount - 1, i));
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return clamp(index + 1);
    case 'ArrowUp':
    case 'k':
      return index < 0 ? rowCount - 1 : clamp(index - 1);
    case 'PageDown':
      return clamp(index + pageRows);
    case 'PageUp':
      return clamp(index - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return rowCount - 1;
    default:
      return null;
  }
}

/** The scroll position that brings row `index` into a view `viewHeight` tall, or `scrollTop` when it already is. */
export function scrollToShow(index: number, scrollTop: number, viewHeight: number): number {
  const top = index * ROW_HEIGHT;
  if (top < scrollTop) return top;
  if (top + ROW_HEIGHT > scrollTop + viewHeight) return top + ROW_HEIGHT - viewHeight;
  return scrollTop;
}
