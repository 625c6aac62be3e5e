import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { usePage } from './EditorContext.ts';
import type { MergeSlice } from '../state/slices/mergeSlice.ts';

/**
 * Whether a change of the merge state changes the canvas (which cloud, its colours); its progress
 * figures (sweeps fetched, points drawn, timings) only show in the panel. The merged layer asks
 * for its own frames as points arrive.
 */
function mergeShowsDiffer(a: MergeSlice['merge'], b: MergeSlice['merge']): boolean {
  return a.key !== b.key || a.colorByTime !== b.colorByTime || a.timeRange !== b.timeRange || a.sweeps !== b.sweeps;
}

/**
 * The canvas renders on demand (nothing is drawn while nothing changes): this asks for a frame
 * whenever the store changes (but for the review and session panels' state) or points of a frame land. Camera controls ask for their own frames.
 */
export function RedrawOnChange() {
  const invalidate = useThree((s) => s.invalidate);
  const { store, io } = usePage();
  useEffect(() => {
    // The review and session slices are panels' state: nothing on the canvas shows them.
    const a = store.subscribe((s, prev) => {
      for (const key of Object.keys(s) as (keyof typeof s)[]) {
        if (key === 'merge' && !mergeShowsDiffer(s.merge, prev.merge)) continue;
        if (key !== 'review' && key !== 'session' && s[key] !== prev[key]) {
          invalidate();
          return;
        }
      }
    });
    const b = io.frameCache.onChange(() => invalidate());
    const onResize = () => invalidate();
    window.addEventListener('resize', onResize);
    return () => {
      a();
      b();
      window.removeEventListener('resize', onResize);
    };
  }, [invalidate, store, io]);
  return null;
}
