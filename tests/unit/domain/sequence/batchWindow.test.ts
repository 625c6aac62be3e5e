import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BATCH_SIZE,
  bestTileColumns,
  clampBatchSize,
  moveTileFocus,
  pageWindowStart,
  windowIndices,
  windowStartAround,
} from '../../../../src/domain/sequence/batchWindow.ts';

describe('batch window', () => {
  it('centres the window on the frame, clipped at both ends of the list', () => {
    expect(windowStartAround(100, 50, 8)).toBe(47);
    expect(windowIndices(47, 100, 8)).toEqual([47, 48, 49, 50, 51, 52, 53, 54]);
    expect(windowStartAround(100, 1, 8)).toBe(0);
    expect(windowStartAround(100, 99, 8)).toBe(92);
    expect(windowStartAround(5, 3, 8)).toBe(0);
    expect(windowIndices(0, 5, 8)).toEqual([0, 1, 2, 3, 4]);
  });

  it('pages by a whole window and keeps the last page full', () => {
    expect(pageWindowStart(0, 20, 8, 1)).toBe(8);
    expect(pageWindowStart(8, 20, 8, 1)).toBe(12);
    expect(pageWindowStart(12, 20, 8, 1)).toBe(12);
    expect(pageWindowStart(12, 20, 8, -1)).toBe(4);
    expect(pageWindowStart(4, 20, 8, -1)).toBe(0);
    expect(pageWindowStart(0, 5, 8, 1)).toBe(0);
  });

  it('clamps the size to 2..12 and takes the default for NaN', () => {
    expect(clampBatchSize(1)).toBe(2);
    expect(clampBatchSize(40)).toBe(12);
    expect(clampBatchSize(6.4)).toBe(6);
    expect(clampBatchSize(Number.NaN)).toBe(DEFAULT_BATCH_SIZE);
  });
});

describe('tile grid and focus', () => {
  it('moves focus by tile and by row, stopping at the edges; Tab wraps', () => {
    // 8 tiles, 4 across: 0 1 2 3 / 4 5 6 7
    expect(moveTileFocus(1, 8, 4, 'down')).toBe(5);
    expect(moveTileFocus(5, 8, 4, 'down')).toBe(5);
    expect(moveTileFocus(5, 8, 4, 'up')).toBe(1);
    expect(moveTileFocus(1, 8, 4, 'up')).toBe(1);
    expect(moveTileFocus(0, 8, 4, 'left')).toBe(0);
    expect(moveTileFocus(3, 8, 4, 'right')).toBe(4);
    expect(moveTileFocus(7, 8, 4, 'right')).toBe(7);
    expect(moveTileFocus(7, 8, 4, 'next')).toBe(0);
    expect(moveTileFocus(0, 8, 4, 'prev')).toBe(7);
    expect(moveTileFocus(3, 8, 4, 'last')).toBe(7);
    // 7 tiles, 4 across: no tile under 3.
    expect(moveTileFocus(3, 7, 4, 'down')).toBe(3);
    // A focus past the end (the window shrank) is brought back first.
    expect(moveTileFocus(9, 5, 4, 'left')).toBe(3);
  });
});

describe('bestTileColumns', () => {
  // A car's close-ups: the top view 1.56 times as tall as wide, the side view 0.63.
  const car = { topAspect: 1.56, sideAspect: 0.63, chromePx: 60, gap: 8 };

  it('puts 8 car tiles in one row on a wide screen, where a second row would make them smaller', () => {
    const r = bestTileColumns(8, 1560, 830, car);
    expect(r.columns).toBe(8);
    expect(r.tileWidth).toBeCloseTo((1560 - 7 * 8) / 8, 9);
  });

  it('takes two rows when one row would be narrower than the height allows two rows to be', () => {
    const r = bestTileColumns(12, 1560, 830, car);
    expect(r.columns).toBe(6);
    expect(r.tileWidth).toBeCloseTo(((830 - 8) / 2 - 60) / 2.19, 9);
    // A tall, narrow screen stacks more rows.
    expect(bestTileColumns(8, 700, 2400, car).columns).toBe(2);
  });

  it('has one column for no tiles and never a negative width', () => {
    expect(bestTileColumns(0, 500, 500, car)).toEqual({ columns: 1, tileWidth: 500 });
    expect(bestTileColumns(4, 100, 50, car).tileWidth).toBe(0);
  });
});
