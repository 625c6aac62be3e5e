import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { appStore } from '../state/appStore.ts';
import { frameCache } from '../io/frameCache.ts';

/**
 * The canvas renders on demand (nothing is drawn while nothing changes): this asks for a frame
 * whenever the store changes or points of a frame land. Camera controls ask for their own frames.
 */
export function RedrawOnChange() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const a = appStore.subscribe(() => invalidate());
    const b = frameCache.onChange(() => invalidate());
    const onResize = () => invalidate();
    window.addEventListener('resize', onResize);
    return () => {
      a();
      b();
      window.removeEventListener('resize', onResize);
    };
  }, [invalidate]);
  return null;
}
