import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { Vec3 } from '../../domain/types.ts';
import { KITTI_CLASSES } from '../../domain/types.ts';
import { KITTI_CLASS_SIZES } from '../../domain/document/classDefaultSizes.ts';
import { isBoxClass } from '../../domain/document/className.ts';

export interface ClassConfig {
  /** Class names in palette order; number key k picks `palette[k - 1]`. */
  palette: string[];
  /** Default [l, w, h] in metres per class (missing classes use a 1 m cube). */
  sizes: Record<string, Vec3>;
  /** Class given to new boxes. */
  current: string;
}

export interface ClassSlice {
  classes: ClassConfig;
  /** Replaces the palette (and optionally sizes; DontCare is left out); keeps `current` if still present, else the first class. */
  setPalette: (palette: readonly string[], sizes?: Readonly<Record<string, Vec3>>) => void;
  setCurrentClass: (label: string) => void;
}

/** The default palette: the KITTI box classes (not DontCare) with their typical sizes. */
export function defaultClassConfig(): ClassConfig {
  return { palette: KITTI_CLASSES.filter(isBoxClass), sizes: { ...KITTI_CLASS_SIZES }, current: KITTI_CLASSES[0] };
}

export function createClassSlice(initial: ClassConfig = defaultClassConfig()): StateCreator<AppState, [], [], ClassSlice> {
  return (set) => ({
    classes: initial,
    setPalette: (given, sizes) =>
      set((s) => {
        const palette = given.filter(isBoxClass);
        return {
          classes: {
            palette,
            sizes: sizes ? { ...sizes } : s.classes.sizes,
            current: palette.includes(s.classes.current) ? s.classes.current : (palette[0] ?? s.classes.current),
          },
        };
      }),
    setCurrentClass: (current) => set((s) => ({ classes: { ...s.classes, current } })),
  });
}
