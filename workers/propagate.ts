import type { Cuboid } from '../src/domain/types.ts';
import type { CuboidShape } from '../src/domain/geometry/CuboidShape.ts';
import { propagateBox } from '../src/domain/sequence/propagateBox.ts';
import type { PropagationStatus } from '../src/domain/sequence/propagateBox.ts';
import type { FrameEntry } from './frameClouds.ts';

/** One box to carry to the next frame, with the track's box in the frame before (for motion). */
export interface PropagateItem {
  /** The box in the source frame (its LiDAR frame). */
  box: Cuboid;
  /** The same track's box in the frame before the source frame, if any (its LiDAR frame). */
  previous?: Cuboid | null;
}

export interface PropagateOptions {
  /** Keep each track's size (default true). */
  lockSize?: boolean;
  /**
   * Source LiDAR frame → target LiDAR frame (4×4 row-major, from the frames' ego poses; see
   * `propagateBox`). With it each item's `previous` must already be in the source frame.
   */
  egoMotion?: number[];
}

/** What propagation reads of a cached frame. */
export type PropagationFrame = Pick<FrameEntry, 'cloud' | 'grid' | 'ground'>;

/** Where an item's box lands in the target frame (target LiDAR frame, metres, radians). */
export interface PropagatedBox {
  /** Id of the source box the result is for. */
  sourceId: string;
  box: CuboidShape;
  status: PropagationStatus;
  pointCount: number;
}

/**
 * Carries boxes from a source frame into a target frame (`propagateBox` for each): tracked by the
 * object's points when the source frame's cloud is given, re-fitted otherwise. Results in the
 * order of `items`.
 */
export function propagateInFrame(
  target: PropagationFrame,
  source: PropagationFrame | undefined,
  items: readonly PropagateItem[],
  opts: PropagateOptions = {},
): PropagatedBox[] {
  const previous = source ? { positions: source.cloud.positions, grid: source.grid(), ground: source.ground() } : undefined;
  const grid = target.grid();
  const ground = target.ground();
  return items.map(({ box, previous: before }) => {
    const history = before ? [before, box] : [box];
    const r = propagateBox(target.cloud.positions, history, {
      label: box.label,
      grid,
      ground,
      previous,
      lockSize: opts.lockSize ?? true,
      ...(opts.egoMotion !== undefined ? { egoMotion: opts.egoMotion } : {}),
    });
    return { sourceId: box.id, box: r.box, status: r.status, pointCount: r.pointCount };
  });
}
