import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import { frameCache } from '../io/frameCache.ts';
import type { FrameBuffers } from '../io/FrameBuffers.ts';
import { useAppStore } from '../state/appStore.ts';
import { COLOR_SOURCE, createPointMaterial } from './pointMaterial.ts';

export interface PointCloudLayerProps {
  frameId: string;
}

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

/**
 * Draws the current frame's points from the frame cache. Uploads only the ranges that arrived since the
 * last frame, so streaming batches appear as they land. One geometry per frame, shared by every view.
 */
export function PointCloudLayer({ frameId }: PointCloudLayerProps) {
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.boundingSphere = BIG_SPHERE;
    return g;
  }, []);
  const material = useMemo(createPointMaterial, []);
  const colorMode = useAppStore((s) => s.view.colorMode);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const range = useAppStore((s) => s.load.ranges[s.view.colorMode]);
  const seen = useRef<{ buffers: FrameBuffers | null; mode: string }>({ buffers: null, mode: '' });

  useEffect(() => () => {
    geometry.dispose();
    material.dispose();
  }, [geometry, material]);

  useEffect(() => {
    material.uniforms.uSize.value = pointSize;
  }, [material, pointSize]);

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
    // Height reads best over the lower part of the scene; clamp outliers.
    material.uniforms.uMin.value = lo;
    material.uniforms.uMax.value = colorMode === 'height' ? Math.min(hi, lo + 6) : hi;
  }, [material, colorMode, range]);

  useFrame(() => {
    const buffers = frameCache.peek(frameId);
    if (!buffers) {
      geometry.setDrawRange(0, 0);
      return;
    }
    const state = seen.current;
    if (state.buffers !== buffers || buffers.reallocated || state.mode !== colorMode) {
      rebuildAttributes(geometry, buffers, colorMode);
      buffers.reallocated = false;
      buffers.dirty = [];
      state.buffers = buffers;
      state.mode = colorMode;
    } else if (buffers.dirty.length > 0) {
      markDirty(geometry, buffers.dirty);
      buffers.dirty = [];
    }
    geometry.setDrawRange(0, buffers.renderCount);
  });

  return <points geometry={geometry} material={material} frustumCulled={false} />;
}

function rebuildAttributes(geometry: BufferGeometry, buffers: FrameBuffers, colorMode: string): void {
  geometry.setAttribute('position', new BufferAttribute(buffers.positions, 3));
  const values = buffers.scalars[colorMode] ?? new Float32Array(buffers.capacity);
  geometry.setAttribute('aValue', new BufferAttribute(values, 1));
  const colors = buffers.colors ?? new Uint8Array(buffers.capacity * 3);
  geometry.setAttribute('aColor', new BufferAttribute(colors, 3, true));
}

function markDirty(geometry: BufferGeometry, dirty: [number, number][]): void {
  for (const name of ['position', 'aValue', 'aColor']) {
    const attr = geometry.getAttribute(name) as BufferAttribute | undefined;
    if (!attr) continue;
    for (const [start, count] of dirty) attr.addUpdateRange(start * attr.itemSize, count * attr.itemSize);
    attr.needsUpdate = true;
  }
}
