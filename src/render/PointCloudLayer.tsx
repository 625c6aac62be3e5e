import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Group, Points } from 'three';
import type { BufferGeometry } from 'three';
import type { Cuboid } from '../domain/types.ts';
import { useAppStore } from './EditorContext.ts';
import { useRenderState } from './renderState.ts';
import { COLOR_SOURCE, createPointMaterial, DEFAULT_HEIGHT_RANGE } from './pointMaterial.ts';
import { boxHalfSize, worldToBox } from './threeAdapters.ts';
import { sliceCropLimits } from '../domain/pointcloud/sliceAndCrop.ts';

type BoxShape = Pick<Cuboid, 'center' | 'size' | 'yaw'>;

export interface PointCloudLayerProps {
  frameId: string;
  /** Points inside this box are drawn highlighted. */
  highlight?: BoxShape | null;
  /** When set, only points within the highlighted box grown by this margin (metres) are drawn. */
  clipMargin?: number | null;
  /** Extra point size for zoomed views. */
  sizeBoost?: number;
  /** Draw this geometry (e.g. the full-density points near the selection) instead of the frame's chunks. */
  geometry?: BufferGeometry;
  /** Colour by height whatever the colour mode (the geometry has no attribute to colour by: merged points). */
  heightOnly?: boolean;
}

/**
 * Draws a frame's points: the frame's chunk geometries (shared by every view, each uploaded once as
 * it fills, so points appear while the file streams), or a given geometry. Each view has its own
 * material (uniforms), never its own copy of the frame's points.
 */
export function PointCloudLayer({ frameId, highlight = null, clipMargin = null, sizeBoost = 0, geometry, heightOnly = false }: PointCloudLayerProps) {
  const material = useMemo(createPointMaterial, []);
  const { frameGeometry, pointTags } = useRenderState();
  const group = useRef<Group>(null);
  const seen = useRef(-1);
  const chosenMode = useAppStore((s) => s.view.colorMode);
  const colorMode = heightOnly ? 'height' : chosenMode;
  const pointSize = useAppStore((s) => s.view.pointSize);
  const budget = useAppStore((s) => s.view.pointBudget);
  const byClass = colorMode === 'boxClass';
  // Colour by class needs each point's box, known for the frame's own points only (not for the
  // close-ups' gathered points): those keep the height ramp.
  const range = useAppStore((s) => s.load.ranges[byClass || heightOnly ? 'height' : s.view.colorMode]);
  const heightSlice = useAppStore((s) => s.visibility.heightSlice);
  const rangeCrop = useAppStore((s) => s.visibility.rangeCrop);
  const hideGround = useAppStore((s) => s.visibility.hideGround);
  const tagsSeen = useRef(-1);
  // The height slice and range crop apply in every view (shader limits). The ground and hidden-box
  // filters use the frame's per-point tags in the overview's chunks; gathered points (close-ups,
  // the near-selection layer) carry their own `aHidden` flags from the worker instead.
  const tagged = clipMargin === null && !geometry;

  useEffect(() => () => material.dispose(), [material]);

  useEffect(() => {
    material.uniforms.uSize.value = pointSize + sizeBoost;
  }, [material, pointSize, sizeBoost]);

  useEffect(() => {
    const source =
      byClass && tagged
        ? COLOR_SOURCE.boxClass
        : colorMode === 'height' || byClass
          ? COLOR_SOURCE.height
          : colorMode === 'distance'
            ? COLOR_SOURCE.distance
            : colorMode === 'rgb'
              ? COLOR_SOURCE.rgb
              : COLOR_SOURCE.attribute;
    material.uniforms.uSource.value = source;
    const [lo, hi] = range ?? (colorMode === 'height' || byClass ? DEFAULT_HEIGHT_RANGE : [0, 1]);
    material.uniforms.uMin.value = lo;
    material.uniforms.uMax.value = hi;
  }, [material, colorMode, byClass, tagged, range]);

  useEffect(() => {
    const u = material.uniforms;
    const l = sliceCropLimits(heightSlice, rangeCrop);
    u.uLimits.value.set(l.zMin, l.zMax, l.rMin, l.rMax);
    u.uHideGround.value = tagged && hideGround;
    tagsSeen.current = -1;
  }, [material, tagged, heightSlice, rangeCrop, hideGround]);

  useEffect(() => {
    const u = material.uniforms;
    u.uHighlight.value = highlight !== null;
    u.uClip.value = highlight !== null && clipMargin !== null;
    if (highlight) {
      worldToBox(highlight, u.uBoxInverse.value);
      boxHalfSize(highlight, u.uBoxHalf.value);
      if (clipMargin !== null) u.uClipHalf.value.copy(u.uBoxHalf.value).addScalar(clipMargin);
    }
  }, [material, highlight, clipMargin]);

  // Rebuild this view's draw objects when the frame's chunk list changes (imperative: no setState
  // in the render loop).
  useEffect(() => {
    seen.current = -1;
  }, [frameId, geometry]);

  useFrame((state) => {
    if (frameGeometry.sync(frameId, colorMode, state.gl.info.render.frame, budget)) state.invalidate();
    if (tagsSeen.current !== pointTags.version()) {
      tagsSeen.current = pointTags.version();
      material.uniforms.uBoxTable.value = pointTags.table();
      material.uniforms.uUseBoxTable.value = tagged && pointTags.tableInUse();
    }
    const g = group.current;
    if (!g || geometry) return;
    const { chunks, version } = frameGeometry.chunks(frameId);
    if (version === seen.current && g.children.length === chunks.length) return;
    seen.current = version;
    g.clear();
    for (const c of chunks) {
      const p = new Points(c.geometry, material);
      p.frustumCulled = false;
      g.add(p);
    }
    state.invalidate();
  });

  if (geometry) return <points geometry={geometry} material={material} frustumCulled={false} />;
  return <group ref={group} />;
}
