import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { usePage } from './EditorContext.ts';
import { mergeShowsDiffer } from './mergeShowsDiffer.ts';

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
