import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Cuboid } from '../domain/types.ts';
import { useAppStore } from '../state/appStore.ts';
import { getFrameGeometry, syncFrameGeometry } from './frameGeometry.ts';
import { COLOR_SOURCE, createPointMaterial } from './pointMaterial.ts';
import { boxHalfSize, worldToBox } from './threeAdapters.ts';

type BoxShape = Pick<Cuboid, 'center' | 'size' | 'yaw'>;

export interface PointCloudLayerProps {
  frameId: string;
  /** Points inside this box are drawn highlighted. */
  highlight?: BoxShape | null;
  /** When set, only points within the highlighted box grown by this margin (metres) are drawn. */
  clipMargin?: number | null;
  /** Extra point size for zoomed views. */
  sizeBoost?: number;
}

/**
 * Draws a frame's points from its shared geometry. Uploads only the ranges that arrived since the last
 * frame, so streaming batches appear as they land. Each view has its own material (uniforms), never its
 * own copy of the points.
 */
export function PointCloudLayer({ frameId, highlight = null, clipMargin = null, sizeBoost = 0 }: PointCloudLayerProps) {
  const geometry = getFrameGeometry(frameId);
  const material = useMemo(createPointMaterial, []);
  const colorMode = useAppStore((s) => s.view.colorMode);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const range = useAppStore((s) => s.load.ranges[s.view.colorMode]);

  useEffect(() => () => material.dispose(), [material]);

  useEffect(() => {
    material.uniforms.uSize.value = pointSize + sizeBoost;
  }, [material, pointSize, sizeBoost]);

  useEffect(() => {
    const source =
      colorMode === 'height'
        ? COLOR_SOURCE.height
        : colorMode === 'distance'
          ? COLOR_SOURCE.distance
          : colorMode === 'rgb'
            ? COLOR_SOURCE.rgb
            : COLOR_SOURCE.attribute;
    material.uniforms.uSource.value = source;
    const [lo, hi] = range ?? (colorMode === 'height' ? [-2.5, 1.5] : [0, 1]);
    material.uniforms.uMin.value = lo;
    material.uniforms.uMax.value = hi;
  }, [material, colorMode, range]);

  useEffect(() => {
    const u = material.uniforms;
    u.uHighlight.value = highlight !== null;
    u.uClip.value = highlight !== null && clipMargin !== null;
    if (highlight) {
      worldToBox(highlight, u.uBoxInverse.value);
      boxHalfSize(highlight, u.uBoxHalf.value);
      if (clipMargin !== null) {
        u.uClipHalf.value.copy(u.uBoxHalf.value).addScalar(clipMargin);
      }
    }
  }, [material, highlight, clipMargin]);

  useFrame((state) => syncFrameGeometry(frameId, colorMode, state.gl.info.render.frame));

  return <points geometry={geometry} material={material} frustumCulled={false} />;
}
