import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { usePage } from './EditorContext.ts';
import { storeChangeRedraws } from './storeChangeRedraws.ts';

/**
 * The canvas renders on demand (nothing is drawn while nothing changes): this asks for a frame
 * whenever the store changes what it may draw (`storeChangeRedraws`: not what only panels show) or
 * points of a frame land. Camera controls ask for their own frames.
 */
export function RedrawOnChange() {
  const invalidate = useThree((s) => s.invalidate);
  const { store, io } = usePage();
  useEffect(() => {
    const a = store.subscribe((s, prev) => {
      if (storeChangeRedraws(s, prev)) invalidate();
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
