import { createContext, useContext } from 'react';
import type { FrameCache } from '../io/frameCache.ts';
import { createFrameGeometry, type FrameGeometry } from './frameGeometry.ts';
import { createPointTags, type PointTags } from './pointTags.ts';
import { createLodGeometry, type LodGeometry } from './lodGeometry.ts';

/**
 * A page's GPU-side state besides the store: the chunk geometries of its frames, the per-point
 * tags (with their box table texture) and the merged multi-sweep clouds' page geometries. Built per `<CuboidEditor>` mount over the page's frame
 * cache, reached through `RenderStateContext`, freed by `dispose` when the editor unmounts.
 */
export interface RenderState {
  frameGeometry: FrameGeometry;
  pointTags: PointTags;
  lodGeometry: LodGeometry;
  dispose(): void;
}

export function createRenderState(frameCache: FrameCache): RenderState {
  const pointTags = createPointTags();
  const frameGeometry = createFrameGeometry(frameCache, pointTags);
  const lodGeometry = createLodGeometry();
  return {
    frameGeometry,
    pointTags,
    lodGeometry,
    dispose() {
      frameGeometry.dispose();
      pointTags.dispose();
      lodGeometry.dispose();
    },
  };
}

export const RenderStateContext = createContext<RenderState | null>(null);

/** The render state of the enclosing `<CuboidEditor>`. */
export function useRenderState(): RenderState {
  const state = useContext(RenderStateContext);
  if (!state) throw new Error('useRenderState: no <CuboidEditor> (RenderStateContext provider) above this component');
  return state;
}
