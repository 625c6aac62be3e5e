import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BufferAttribute } from 'three';
import { useAppStore, usePage } from './EditorContext.ts';
import { selectDisplayedCuboids } from '../state/selectors.ts';
import { closeUpFilters } from './closeUpFilters.ts';
import type { MergedGpu } from './lodGeometry.ts';

/**
 * The merged cloud's points hidden by the ground and hidden-box filters (the open frame's ground
 * model and boxes, worked out in the merge worker once the merge, or the detail disc drawn over
 * it, is complete, again when those
 * filters or, while a box is hidden, the boxes change), as a mask in the view's point order; null
 * while neither filter is on. `version` changes with the mask.
 */
export function useMergedHiddenMask(cloudKey: string): { mask: Uint8Array | null; version: number } {
  const { io } = usePage();
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const hideGround = useAppStore((s) => s.visibility.hideGround);
  const hiddenClasses = useAppStore((s) => s.visibility.hiddenClasses);
  const hiddenBoxIds = useAppStore((s) => s.visibility.hiddenBoxIds);
  const ready = useAppStore((s) => maskReady(s.merge, cloudKey));
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
 * Whether the cloud `cloudKey` is whole, so its mask can be worked out: the merge once ready, or
 * the detail disc drawn over it (`mergeDetail`, key `<merge key>#near:…`) once fetched whole. (The
 * disc's key never equals the merge's: it went unmasked, and the ground showed through it.)
 */
export function maskReady(merge: { key: string | null; status: string; detail: { key: string; status: string } | null }, cloudKey: string): boolean {
  return (merge.key === cloudKey && merge.status === 'ready') || (merge.detail?.key === cloudKey && merge.detail.status === 'ready');
}

/**
 * Gives the merged cloud's geometry `mask` as `aHidden` (1 = hidden; the point shader drops those),
 * or removes it when there is no mask; once per mask version. Returns whether anything changed.
 */
export function applyHiddenMask(gpu: Pick<MergedGpu, 'geometry' | 'capacity'>, mask: Uint8Array | null, version: number): boolean {
  const g = gpu.geometry;
  if (g.userData.hiddenVersion === version) return false;
  g.userData.hiddenVersion = version;
  if (!mask) {
    if (!g.getAttribute('aHidden')) return false;
    g.deleteAttribute('aHidden');
    return true;
  }
  const all = new Uint8Array(gpu.capacity);
  all.set(mask.subarray(0, Math.min(mask.length, gpu.capacity)));
  g.setAttribute('aHidden', new BufferAttribute(all, 1));
  return true;
}
