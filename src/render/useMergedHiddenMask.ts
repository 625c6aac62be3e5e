import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BufferAttribute } from 'three';
import { useAppStore, usePage } from './EditorContext.ts';
import { selectDisplayedCuboids } from '../state/selectors.ts';
import { closeUpFilters } from './closeUpFilters.ts';
import { MERGED_PAGE } from '../io/mergedClouds.ts';
import type { LodChunk } from './lodGeometry.ts';

/**
 * The merged cloud's points hidden by the ground and hidden-box filters (the open frame's ground
 * model and boxes, worked out in the merge worker once the merge is complete, again when those
 * filters or, while a box is hidden, the boxes change), as a mask in the view's point order; null
 * while neither filter is on. `version` changes with the mask.
 */
export function useMergedHiddenMask(cloudKey: string): { mask: Uint8Array | null; version: number } {
  const { io } = usePage();
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const hideGround = useAppStore((s) => s.visibility.hideGround);
  const hiddenClasses = useAppStore((s) => s.visibility.hiddenClasses);
  const hiddenBoxIds = useAppStore((s) => s.visibility.hiddenBoxIds);
  const ready = useAppStore((s) => s.merge.key === cloudKey && s.merge.status === 'ready');
  const frameId = useAppStore((s) => s.currentFrameId);
  const { filters, key } = useMemo(
    () => closeUpFilters(cuboids, { hideGround, hiddenClasses, hiddenBoxIds }),
    [cuboids, hideGround, hiddenClasses, hiddenBoxIds],
  );
  const latest = useRef(filters);
  latest.current = filters;
  const [state, setState] = useState<{ mask: Uint8Array | null; version: number }>({ mask: null, version: 0 });

  useEffect(() => {
    const f = latest.current;
    if (!f || !ready || frameId === null) {
      setState((s) => (s.mask === null ? s : { mask: null, version: s.version + 1 }));
      return;
    }
    let live = true;
    void (async () => {
      const ground = f.ground ? ((await io.worker().ground(frameId)) ?? undefined) : undefined;
      const mask = await io.mergeWorker().hiddenMask(cloudKey, { ground, boxes: f.boxes, hidden: f.hidden });
      if (live) setState((s) => ({ mask, version: s.version + 1 }));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key, ready, frameId, cloudKey, io]);
  return state;
}

/**
 * Gives each page geometry of the merged cloud its slice of `mask` as `aHidden` (1 = hidden; the
 * point shader drops those), or removes it when there is no mask. Returns whether anything changed.
 */
export function applyHiddenMask(chunks: readonly LodChunk[], mask: Uint8Array | null, version: number): boolean {
  let changed = false;
  for (const c of chunks) {
    const g = c.geometry;
    if (g.userData.hiddenVersion === version) continue;
    g.userData.hiddenVersion = version;
    if (!mask) {
      if (g.getAttribute('aHidden')) {
        g.deleteAttribute('aHidden');
        changed = true;
      }
      continue;
    }
    changed = true;
    const page = new Uint8Array(MERGED_PAGE);
    page.set(mask.subarray(Math.min(mask.length, c.start), Math.min(mask.length, c.start + MERGED_PAGE)));
    g.setAttribute('aHidden', new BufferAttribute(page, 1));
  }
  return changed;
}
