/**
 * The frames a batch view of one track shows side by side, and how the keyboard moves between
 * its tiles. Positions are indices into the sequence's frame list (sequence order); a window is
 * `[start, start + size)` clipped to the list.
 */

/** Frames a batch view shows at once by default. */
export const DEFAULT_BATCH_SIZE = 8;
/** Fewest and most frames a batch view shows at once. */
export const MIN_BATCH_SIZE = 2;
export const MAX_BATCH_SIZE = 12;

/** A batch size rounded and clamped to `MIN_BATCH_SIZE..MAX_BATCH_SIZE` (NaN: the default). */
export function clampBatchSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_BATCH_SIZE;
  return Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Math.round(size)));
}

/**
 * The first index of a window of `size` frames with frame `index` in it, as near the middle as
 * the list's ends allow (a list shorter than the window starts at 0).
 */
export function windowStartAround(total: number, index: number, size: number): number {
  const n = clampBatchSize(size);
  if (total <= n) return 0;
  const start = index - Math.floor((n - 1) / 2);
  return Math.min(Math.max(0, start), total - n);
}

/**
 * The start of the next (`direction` 1) or previous (−1) page: one window further, clipped so
 * that the last page is full (a list shorter than the window stays at 0).
 */
export function pageWindowStart(start: number, total: number, size: number, direction: 1 | -1): number {
  const n = clampBatchSize(size);
  return Math.min(Math.max(0, start + direction * n), Math.max(0, total - n));
}

/** The indices of the window starting at `start` (fewer at the list's end). */
export function windowIndices(start: number, total: number, size: number): number[] {
  const n = clampBatchSize(size);
  const out: number[] = [];
  for (let i = start; i < Math.min(total, start + n); i++) out.push(i);
  return out;
}

/**
 * The columns of a tile grid that show a tile's close-ups biggest. The grid is `width` × `height`
 * pixels with `gap` between tiles; a tile spends `chromePx` on its header and footer, and its two
 * close-ups stack with heights `topAspect` and `sideAspect` times the tile's width (their content's
 * height over width). For each column count the tile width is the smaller of its share of the width
 * and what its row's height allows; the widest wins, then its rows are evened out (12 in
 * two rows: 6 + 6).
 */
export function bestTileColumns(
  count: number,
  width: number,
  height: number,
  opts: { topAspect: number; sideAspect: number; chromePx: number; gap: number },
): { columns: number; tileWidth: number } {
  if (count <= 0) return { columns: 1, tileWidth: Math.max(0, width) };
  let best = { columns: 1, tileWidth: -1 };
  const stack = Math.max(1e-6, opts.topAspect + opts.sideAspect);
  for (let columns = count; columns >= 1; columns--) {
    const rows = Math.ceil(count / columns);
    const byWidth = (width - (columns - 1) * opts.gap) / columns;
    const byHeight = ((height - (rows - 1) * opts.gap) / rows - opts.chromePx) / stack;
    const tileWidth = Math.max(0, Math.min(byWidth, byHeight));
    if (tileWidth > best.tileWidth + 1e-9) best = { columns, tileWidth };
  }
  // Rows as even as the row count allows (12 in two rows: 6 + 6, not 9 + 3); tiles only widen.
  const rows = Math.ceil(count / best.columns);
  const columns = Math.ceil(count / rows);
  const byWidth = (width - (columns - 1) * opts.gap) / columns;
  const byHeight = ((height - (rows - 1) * opts.gap) / rows - opts.chromePx) / stack;
  return { columns, tileWidth: Math.max(0, Math.min(byWidth, byHeight)) };
}

export type TileMove = 'left' | 'right' | 'up' | 'down' | 'next' | 'prev' | 'first' | 'last';

/**
 * The tile focused after a move in a grid of `count` tiles, `columns` across (row-major):
 * left/right step one tile and stop at the ends, up/down step a row and stay when there is no
 * tile there, next/prev (Tab, Shift+Tab) wrap around.
 */
export function moveTileFocus(focus: number, count: number, columns: number, move: TileMove): number {
  if (count <= 0) return 0;
  const f = Math.min(Math.max(0, focus), count - 1);
  const cols = Math.max(1, columns);
  switch (move) {
    case 'left':
      return Math.max(0, f - 1);
    case 'right':
      return Math.min(count - 1, f + 1);
    case 'up':
      return f - cols >= 0 ? f - cols : f;
    case 'down':
      return f + cols < count ? f + cols : f;
    case 'next':
      return (f + 1) % count;
    case 'prev':
      return (f - 1 + count) % count;
    case 'first':
      return 0;
    case 'last':
      return count - 1;
  }
}
