import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Group, Points } from 'three';
import type { Matrix4 } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { useAppStore, usePage } from './EditorContext.ts';
import { COLOR_SOURCE, createPointMaterial, DEFAULT_HEIGHT_RANGE } from './pointMaterial.ts';
import { boxHalfSize, worldToBox } from './threeAdapters.ts';
import { lodLimit, type MergedGpu } from './lodGeometry.ts';
import { afterGpu, type GpuWait } from './afterGpu.ts';
import { FIRST_VIEW, SOFTWARE_PARTIAL_CAP, uploadTarget } from './mergedUploadTarget.ts';
import { isSoftwareRenderer, SOFTWARE_POINT_BUDGET } from './softwareRenderer.ts';
import { useRenderState } from './renderState.ts';
import { applyHiddenMask, useMergedHiddenMask } from './useMergedHiddenMask.ts';
import { sliceCropLimits } from '../domain/pointcloud/sliceAndCrop.ts';

/**
 * The merged multi-sweep cloud (`io.mergedClouds`): drawn coarse-first as the sweeps arrive and
 * refined up to the point budget; coloured by height, or by the time of each point's sweep.
 * Points go to the GPU between frames, a step at a time, each once the GPU has taken the last
 * (`lodGeometry.upload`, `afterGpu`), and are drawn only at a few steps (`uploadTarget`): each
 * redraw of a big cloud costs a software renderer the whole cloud. Reports when the first merged
 * points and the whole budget were on screen (`merge.firstViewMs`, `fullDetailMs`). A cloud kept
 * while the next merge loads (`merge.stale`) is drawn moved by `transform` into the open frame.
 */
export function MergedCloudLayer({
  cloudKey,
  transform = null,
  hidden = false,
  revealAt = 'full',
  thin = false,
  highlight,
}: {
  cloudKey: string;
  /** Row-major 4×4 from the LiDAR frame the cloud was merged in into the open frame's (a kept cloud: `merge.stale`); null: the same. */
  transform?: readonly number[] | null;
  /**
   * Uploaded out of sight while something else is on screen: the open frame's own sweep (until its
   * first view is on the GPU: `revealAt` 'first') or a kept merged cloud (until the whole budget
   * is: 'full'). Then it takes their place in one redraw (`merge.onScreen`, `merge.stale` = null).
   */
  hidden?: boolean;
  revealAt?: 'first' | 'full';
  /**
   * A kept cloud while the next merge goes up out of sight: on a software renderer it is drawn
   * at its first view's size (`FIRST_VIEW`, an even sample) until then. Each redraw of the whole
   * kept budget took SwiftShader 0.5–0.8 s, and the next merge's uploads waited behind it on the
   * main thread (`WaitForToken`, 0.4–1 s tasks at a step in traced runs).
   */
  thin?: boolean;
  highlight: Pick<Cuboid, 'center' | 'size' | 'yaw'> | null;
}) {
  const { io, store } = usePage();
  const { lodGeometry } = useRenderState();
  const material = useMemo(createPointMaterial, []);
  const group = useRef<Group>(null);
  const gpuRef = useRef<MergedGpu | null>(null);
  const gpuWait = useRef<GpuWait | null>(null);
  /** Points the last rendered frame drew (−1: none yet). */
  const drawnInFrame = useRef(-1);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const byTime = useAppStore((s) => s.merge.colorByTime);
  const timeRange = useAppStore((s) => s.merge.timeRange);
  const heightRange = useAppStore((s) => s.load.ranges.height);
  const heightSlice = useAppStore((s) => s.visibility.heightSlice);
  const rangeCrop = useAppStore((s) => s.visibility.rangeCrop);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  // Drawing in software with a budget past the default, a partial view is kept small while the
  // merge streams (`SOFTWARE_PARTIAL_CAP`); at the default budget it streams as on a GPU.
  const software = useMemo(() => isSoftwareRenderer(gl.getContext()), [gl]);
  const hiddenMask = useMergedHiddenMask(cloudKey);
  const hiddenRef = useRef(hiddenMask);
  hiddenRef.current = hiddenMask;
  useEffect(() => invalidate(), [hiddenMask, invalidate]);
  useEffect(() => () => material.dispose(), [material]);

  // Copies arrived points to the GPU one step at a time, and draws them once they reach the next
  // target (the first view, then about twice what is drawn, then the whole budget).
  const pump = (): void => {
    const cloud = io.mergedClouds.get(cloudKey);
    const g = group.current;
    if (gpuWait.current !== null || !cloud || !g || cloud.received === 0) return;
    const budget = store.getState().view.pointBudget;
    let gpu = gpuRef.current;
    if (!gpu || gpu.cloud !== cloud) {
      gpu = lodGeometry.of(cloud, gl.getContext(), budget);
      gpuRef.current = gpu;
      drawnInFrame.current = -1;
      g.clear();
      const p = new Points(gpu.geometry, material);
      p.frustumCulled = false;
      g.add(p);
    }
    const capped = software && budget > SOFTWARE_POINT_BUDGET;
    const target = lodLimit(cloud.received, uploadTarget(cloud, budget, gpu.shown, capped ? SOFTWARE_PARTIAL_CAP : Infinity));
    // With the draws capped, what has arrived still goes up (a step at a time, between frames), so
    // that little is left to upload once the merge is complete.
    const ahead = capped && gpu.shown > 0 ? lodLimit(cloud.received, budget) : target;
    // Behind a kept cloud on a software renderer: small steps (`HIDDEN_UPLOAD_STEP`).
    const step = hidden && software && revealAt === 'full' ? HIDDEN_UPLOAD_STEP : undefined;
    if (target <= gpu.shown) {
      if (gpu.uploaded < ahead) {
        lodGeometry.upload(gpu, ahead, step);
        stepLater();
        return;
      }
      // Out of sight and all on the GPU: this cloud takes the kept one's place.
      if (hidden && (revealAt === 'first' ? gpu.shown > 0 : isFull(gpu))) store.getState().patchMerge({ stale: null, onScreen: true });
      return;
    }
    if (gpu.uploaded < target) lodGeometry.upload(gpu, target, step);
    if (gpu.uploaded < target) {
      // More steps to go before the target: the next once the GPU has taken this one (out of
      // sight, at the next animation frame: see `nextStep`).
      stepLater();
      return;
    }
    // Drawn in the next frame (behind the last step in the GPU's queue); uploading goes on once
    // the GPU has drawn it (see useFrame).
    lodGeometry.show(gpu, target);
    if (!hidden) {
      invalidate();
      return;
    }
    if (revealAt === 'first') {
      // Its first view is on the GPU: it replaces the open frame's sweep in the next redraw.
      store.getState().patchMerge({ onScreen: true });
      return;
    }
    // Out of sight nothing is drawn: go on at the next animation frame.
    stepLater();
  };
  /** Pumps again once the GPU has taken the last step (out of sight: at the next animation frame). */
  const stepLater = (): void => {
    gpuWait.current = nextStep(gl.getContext(), hidden, () => {
      gpuWait.current = null;
      pumpRef.current();
    });
  };
  const pumpRef = useRef(pump);
  pumpRef.current = pump;

  useEffect(() => {
    const g = group.current;
    const off = io.mergedClouds.onChange((key) => {
      if (key === cloudKey) pumpRef.current();
    });
    pumpRef.current();
    return () => {
      off();
      gpuWait.current?.cancel();
      gpuWait.current = null;
      gpuRef.current = null;
      drawnInFrame.current = -1;
      g?.clear();
      lodGeometry.disposeCloud(cloudKey);
    };
  }, [io, cloudKey, lodGeometry]);

  // Stamped at the animation frame after the one that drew the points (that one was submitted).
  const stampMilestones = (full: boolean): void => {
    const m = store.getState().merge;
    if (m.key !== cloudKey || m.requestedAt === null) return;
    const ms = performance.now() - m.requestedAt;
    if (m.firstViewMs === null) store.getState().patchMerge({ firstViewMs: ms });
    if (full && m.fullDetailMs === null) store.getState().patchMerge({ fullDetailMs: ms });
  };

  useEffect(() => {
    const g = group.current;
    if (!g) return;
    g.matrixAutoUpdate = false;
    if (transform) g.matrix.set(...(transform as Parameters<Matrix4['set']>));
    else g.matrix.identity();
    g.matrixWorldNeedsUpdate = true;
    invalidate();
  }, [transform, invalidate]);

  useEffect(() => {
    const u = material.uniforms;
    u.uSize.value = pointSize;
    u.uSource.value = byTime ? COLOR_SOURCE.attribute : COLOR_SOURCE.height;
    const [lo, hi] = byTime ? [timeRange[0] - 0.5, timeRange[1] + 0.5] : (heightRange ?? DEFAULT_HEIGHT_RANGE);
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
    const gpu = gpuRef.current;
    if (!gpu || hidden) return;
    if (applyHiddenMask(gpu, hiddenRef.current.mask, hiddenRef.current.version)) state.invalidate();
    if (gpu.shown === drawnInFrame.current) return;
    drawnInFrame.current = gpu.shown;
    const m = store.getState().merge;
    if (m.key !== cloudKey) return;
    if (m.drawn !== gpu.shown) store.getState().patchMerge({ drawn: gpu.shown });
    const full = isFull(gpu);
    requestAnimationFrame(() => stampMilestones(full));
    // More may have come while these were uploaded: go on once this frame is drawn.
    if (!full && gpuWait.current === null) {
      gpuWait.current = afterGpu(state.gl.getContext(), () => {
        gpuWait.current = null;
        pumpRef.current();
      });
    }
  });

  // Thinned while the next merge goes up (software only), whole again after.
  const thinned = thin && software;
  useEffect(() => {
    const gpu = gpuRef.current;
    if (!gpu) return;
    lodGeometry.cap(gpu, thinned ? FIRST_VIEW : Infinity);
    invalidate();
  }, [thinned, lodGeometry, invalidate]);

  // Shown again (the kept cloud gone): drawn, and its milestones stamped, from the next frame.
  useEffect(() => {
    if (!hidden) invalidate();
    else pumpRef.current();
  }, [hidden, invalidate]);

  return <group ref={group} visible={!hidden} />;
}

/** Pause between two upload steps of a cloud out of sight (ms). */
const HIDDEN_STEP_MS = 16;
/**
 * Points per upload step out of sight on a software renderer (256 KB): the steps go on timers,
 * not behind the GPU (see `nextStep`), so each is kept small enough that the command buffer's
 * transfer memory rarely runs out while the GPU draws a frame (then the upload waits on the main thread).
 */
const HIDDEN_UPLOAD_STEP = 16_384;

/**
 * When to upload the next step: once the GPU has taken the last (`afterGpu`) while the cloud is
 * drawn, so no upload waits behind a frame; after a short pause while it is out of sight. There,
 * fences and animation frames both wait for the frames that draw the cloud kept on screen (a
 * SwiftShader frame of 0.5M points is most of a second): paced by them, the steps of a 0.5M
 * merge took 6–8.5 s.
 */
function nextStep(gl: WebGLRenderingContext | WebGL2RenderingContext, hidden: boolean, done: () => void): GpuWait {
  if (!hidden) return afterGpu(gl, done);
  const id = setTimeout(done, HIDDEN_STEP_MS);
  return { cancel: () => clearTimeout(id) };
}

/** The whole cloud has arrived and every point up to the budget is on the GPU and shown. */
function isFull(gpu: MergedGpu): boolean {
  return gpu.cloud.complete && gpu.shown >= lodLimit(gpu.cloud.received, gpu.capacity);
}
