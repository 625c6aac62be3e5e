import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { Vec3 } from '../../domain/types.ts';
import { KITTI_CLASSES } from '../../domain/types.ts';
import { KITTI_CLASS_SIZES } from '../../domain/document/classDefaultSizes.ts';
import { isBoxClass } from '../../domain/document/className.ts';
import type { EdgeCaseDictionary } from '../../domain/checks/dictionary/EdgeCaseDictionary.ts';

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

/**
 * The palette of a team's edge-case dictionary: its box classes in its order (number keys 1–9 pick
 * the first nine), each with the KITTI default size when it is a KITTI class, else the middle of
 * its size ranges; `current` kept when still a class. A dictionary without box classes keeps `was`.
 */
export function classesForDictionary(dictionary: EdgeCaseDictionary, was: ClassConfig): ClassConfig {
  const palette = Object.keys(dictionary.classes).filter(isBoxClass);
  if (palette.length === 0) return was;
  const mid = (r: readonly number[]): number => Math.round(((r[0] + r[1]) / 2) * 100) / 100;
  const sizes: Record<string, Vec3> = {};
  for (const label of palette) {
    const { l, w, h } = dictionary.classes[label].size;
    sizes[label] = Object.prototype.hasOwnProperty.call(KITTI_CLASS_SIZES, label) ? KITTI_CLASS_SIZES[label] : [mid(l), mid(w), mid(h)];
  }
  return { palette, sizes, current: palette.includes(was.current) ? was.current : palette[0] };
}
