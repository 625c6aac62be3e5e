import { useEffect, useRef, useState } from 'react';
import { cropCovers, cropMargin } from '../../domain/geometry/boxCloseUp.ts';
import type { CuboidShape } from '../../domain/geometry/CuboidShape.ts';
import type { FrameListItem } from '../../domain/document/FrameListItem.ts';
import type { BatchCrops, TileCrop } from '../../services/batchCrops.ts';

/**
 * The points a tile draws around its box: asked of the worker (`BatchCrops`) with a margin of
 * twice the view's padding, and asked again only when the box leaves what the crop asked for
 * holds (`cropCovers`), so nudges and small turns redraw from the points already here. An answer
 * for another frame than the tile's current one is dropped.
 */
export function useTileCrop(
  crops: BatchCrops,
  frame: FrameListItem | undefined,
  box: CuboidShape | null,
): { positions: Float32Array | null; error: string | null } {
  const [crop, setCrop] = useState<TileCrop | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The region last asked for (answered or not). */
  const asked = useRef<{ frameId: string; box: CuboidShape; margin: number } | null>(null);
  const currentFrame = useRef<string | null>(null);
  const frameId = frame?.id ?? null;
  currentFrame.current = frameId;
  const key = box ? `${box.center.join(',')}|${box.size.join(',')}|${box.yaw}` : '';

  useEffect(() => {
    if (!frame || !box) return;
    const held = asked.current;
    if (held && held.frameId === frame.id && cropCovers(held.box, held.margin, box)) return;
    const region = { frameId: frame.id, box: { center: box.center, size: box.size, yaw: box.yaw }, margin: cropMargin(box.size) };
    asked.current = region;
    crops
      .crop(frame, region.box, region.margin)
      .then((c) => {
        if (currentFrame.current !== region.frameId) return;
        if (c) setCrop(c);
        setError(c ? null : 'no point file');
      })
      .catch((err: unknown) => {
        if (asked.current === region) asked.current = null;
        if (currentFrame.current === region.frameId) setError(err instanceof Error ? err.message : String(err));
      });
    // `key` stands for the box's numbers; the box object changes identity on every store update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [crops, frameId, key]);

  return { positions: crop && crop.frameId === frameId ? crop.positions : null, error };
}
