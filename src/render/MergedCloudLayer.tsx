import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Group, Points } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { useAppStore, usePage } from './EditorContext.ts';
import { COLOR_SOURCE, createPointMaterial } from './pointMaterial.ts';
import { boxHalfSize, worldToBox } from './threeAdapters.ts';
import { lodLimit } from './lodGeometry.ts';
import { useRenderState } from './renderState.ts';
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
  const milestone = useRef<'first' | 'full' | null>(null);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const budget = useAppStore((s) => s.view.pointBudget);
  const byTime = useAppStore((s) => s.merge.colorByTime);
  const timeRange = useAppStore((s) => s.merge.timeRange);
  const heightRange = useAppStore((s) => s.load.ranges.height);
  const heightSlice = useAppStore((s) => s.visibility.heightSlice);
  const rangeCrop = useAppStore((s) => s.visibility.rangeCrop);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => () => lodGeometry.disposeCloud(cloudKey), [lodGeometry, cloudKey]);
  useEffect(() => io.mergedClouds.onChange(() => invalidate()), [io, invalidate]);

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
    // The height slice and range crop hold for the merged points too (the per-point ground and box filters do not).
    const l = sliceCropLimits(heightSlice, rangeCrop);
    u.uLimits.value.set(l.zMin, l.zMax, l.rMin, l.rMax);
    invalidate();
  }, [material, pointSize, byTime, timeRange, heightRange, highlight, heightSlice, rangeCrop, invalidate]);

  useFrame((state) => {
    const cloud = io.mergedClouds.get(cloudKey);
    const g = group.current;
    if (!cloud || !g) return;
    // A milestone is stamped one tick after the frame that drew it was submitted.
    const m = store.getState().merge;
    if (milestone.current && m.requestedAt !== null) {
      const ms = performance.now() - m.requestedAt;
      m.key === cloudKey && store.getState().patchMerge(milestone.current === 'first' ? { firstViewMs: ms } : { fullDetailMs: ms });
      milestone.current = null;
    }
    const { chunks, version, drawn, changed, more } = lodGeometry.sync(cloud, budget, state.gl.info.render.frame);
    if (version !== seen.current) {
      seen.current = version;
      g.clear();
      for (const c of chunks) {
        const p = new Points(c.geometry, material);
        p.frustumCulled = false;
        g.add(p);
      }
    }
    if (changed) {
      if (m.drawn !== drawn) store.getState().patchMerge({ drawn });
      state.invalidate();
    }
    if (!milestone.current && m.key === cloudKey) {
      if (m.firstViewMs === null && drawn > 0) milestone.current = 'first';
      else if (m.firstViewMs !== null && m.fullDetailMs === null && cloud.complete && drawn >= lodLimit(cloud.received, budget)) milestone.current = 'full';
    }
    if (more || milestone.current) state.invalidate();
  });

  return <group ref={group} />;
}
