import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Group, Points } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { useAppStore, usePage } from './EditorContext.ts';
import { COLOR_SOURCE, createPointMaterial } from './pointMaterial.ts';
import { boxHalfSize, worldToBox } from './threeAdapters.ts';
import { lodLimit, UPLOAD_PER_TICK } from './lodGeometry.ts';
import { afterGpu, type GpuWait } from './afterGpu.ts';
import { uploadTarget } from './mergedUploadTarget.ts';
import { useRenderState } from './renderState.ts';
import { applyHiddenMask, useMergedHiddenMask } from './useMergedHiddenMask.ts';
import { sliceCropLimits } from '../domain/pointcloud/sliceAndCrop.ts';

/**
 * The merged multi-sweep cloud (`io.mergedClouds`): drawn coarse-first as the sweeps arrive and
 * refined page by page up to the point budget (the editor's `lodGeometry`); coloured by height, or by the time of each point's sweep. Reports when
 * the first merged points and the whole budget were on screen (`merge.firstViewMs`, `fullDetailMs`).
 */
export function MergedCloudLayer({ cloudKey, highlight }: { cloudKey: string; highlight: Pick<Cuboid, 'center' | 'size' | 'yaw'> | null }) {
  const { io, store } = usePage();
  const { lodGeometry } = useRenderState();
  const material = useMemo(createPointMaterial, []);
  const group = useRef<Group>(null);
  const seen = useRef(-1);
  const gpuWait = useRef<GpuWait | null>(null);
  const drawnBefore = useRef(0);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const budget = useAppStore((s) => s.view.pointBudget);
  const byTime = useAppStore((s) => s.merge.colorByTime);
  const timeRange = useAppStore((s) => s.merge.timeRange);
  const heightRange = useAppStore((s) => s.load.ranges.height);
  const heightSlice = useAppStore((s) => s.visibility.heightSlice);
  const rangeCrop = useAppStore((s) => s.visibility.rangeCrop);
  const invalidate = useThree((s) => s.invalidate);
  const hiddenMask = useMergedHiddenMask(cloudKey);
  const hiddenRef = useRef(hiddenMask);
  hiddenRef.current = hiddenMask;
  useEffect(() => invalidate(), [hiddenMask, invalidate]);

  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => {
    drawnBefore.current = 0;
    return () => lodGeometry.disposeCloud(cloudKey);
  }, [lodGeometry, cloudKey]);
  // A batch asks for a frame only when the view would upload it (see `uploadTarget`) and the GPU is
  // done with the last upload: a redraw of the whole cloud for nothing new is what slowed the merge
  // most in software GL.
  const wantsFrame = (): boolean => {
    const c = io.mergedClouds.get(cloudKey);
    if (!c) return true;
    const m = store.getState().merge;
    const b = store.getState().view.pointBudget;
    return lodLimit(c.received, uploadTarget(c, b, drawnBefore.current)) > drawnBefore.current || (c.complete && m.key === cloudKey && m.fullDetailMs === null);
  };
  const stampMilestone = (which: 'first' | 'full'): void => {
    const m = store.getState().merge;
    if (m.key !== cloudKey || m.requestedAt === null || (which === 'first' ? m.firstViewMs : m.fullDetailMs) !== null) return;
    const ms = performance.now() - m.requestedAt;
    store.getState().patchMerge(which === 'first' ? { firstViewMs: ms } : { fullDetailMs: ms });
    // Full detail may be waiting for the first view's stamp.
    if (which === 'first' && gpuWait.current === null && wantsFrame()) invalidate();
  };
  useEffect(
    () =>
      io.mergedClouds.onChange((key) => {
        if (key === cloudKey && gpuWait.current === null && wantsFrame()) invalidate();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- wantsFrame reads refs and the store only
    [io, store, cloudKey, invalidate],
  );
  useEffect(
    () => () => {
      gpuWait.current?.cancel();
      gpuWait.current = null;
    },
    [cloudKey],
  );

  useEffect(() => {
    const u = material.uniforms;
    u.uSize.value = pointSize;
    u.uSource.value = byTime ? COLOR_SOURCE.attribute : COLOR_SOURCE.height;
    const [lo, hi] = byTime ? [timeRange[0] - 0.5, timeRange[1] + 0.5] : (heightRange ?? [-2.5, 1.5]);
    u.uMin.value = lo;
    u.uMax.value = hi;
    u.uHighlight.value = highlight !== null;
    u.uClip.value = false;
    if (highlight) {
      worldToBox(highlight, u.uBoxInverse.value);
      boxHalfSize(highlight, u.uBoxHalf.value);
    }
    // The height slice and range crop as for every view; the ground and hidden boxes by `aHidden` (useMergedHiddenMask).
    const l = sliceCropLimits(heightSlice, rangeCrop);
    u.uLimits.value.set(l.zMin, l.zMax, l.rMin, l.rMax);
    invalidate();
  }, [material, pointSize, byTime, timeRange, heightRange, highlight, heightSlice, rangeCrop, invalidate]);

  useFrame((state) => {
    const cloud = io.mergedClouds.get(cloudKey);
    const g = group.current;
    if (!cloud || !g) return;
    const m = store.getState().merge;
    // While the GPU still draws the last upload, add nothing: an upload then waits for it (seconds
    // in software GL, all of it on the main thread).
    const target = gpuWait.current !== null ? drawnBefore.current : uploadTarget(cloud, budget, drawnBefore.current);
    // Once the merge is complete the rest goes up in one tick (the GPU is idle here): paced at
    // UPLOAD_PER_TICK, the last million points took three more full redraws.
    const { chunks, version, drawn, changed } = lodGeometry.sync(cloud, target, state.gl.info.render.frame, cloud.complete ? Infinity : UPLOAD_PER_TICK);
    drawnBefore.current = drawn;
    if (version !== seen.current) {
      seen.current = version;
      g.clear();
      for (const c of chunks) {
        const p = new Points(c.geometry, material);
        p.frustumCulled = false;
        g.add(p);
      }
    }
    if (applyHiddenMask(chunks, hiddenRef.current.mask, hiddenRef.current.version)) state.invalidate();
    const full = m.key === cloudKey && m.firstViewMs !== null && m.fullDetailMs === null && cloud.complete && drawn >= lodLimit(cloud.received, budget);
    if (changed) {
      if (m.drawn !== drawn) store.getState().patchMerge({ drawn });
      const milestone = m.key === cloudKey && m.firstViewMs === null && drawn > 0 ? 'first' : full ? 'full' : null;
      // A milestone is stamped at the next animation frame (this one submitted; no redraw forced).
      if (milestone) requestAnimationFrame(() => stampMilestone(milestone));
      // Once the GPU has drawn this frame, upload more if more has come.
      gpuWait.current = afterGpu(state.gl.getContext(), () => {
        gpuWait.current = null;
        if (wantsFrame()) invalidate();
      });
    } else if (full && gpuWait.current === null) {
      requestAnimationFrame(() => stampMilestone('full'));
    }
  });

  return <group ref={group} />;
}
