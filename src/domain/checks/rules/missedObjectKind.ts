import type { ClassRule } from '../dictionary/EdgeCaseDictionary.ts';

/** What a class's size range makes it: a road vehicle, a person (walking, sitting or riding), or something else. */
export type ObjectKind = 'vehicle' | 'person' | 'other';

/**
 * The kind of a dictionary class, read from its size range (metres), so that a dataset's own
 * classes sort themselves: a vehicle is at least 1.3 m wide and 2.5 m long (cars, vans, trucks,
 * buses, trams); a person is at most 1.2 m wide, 2.5 m long and 2.3 m tall, and at least 0.5 m
 * tall (pedestrians, sitting people, cyclists and riders); anything else (cones, bins, animals) is
 * `other`. The missed-object search warns only about the first two, and `N` visits only them.
 */
export function objectKind(rule: Pick<ClassRule, 'size'>): ObjectKind {
  const { l, w, h } = rule.size;
  if (w[0] >= 1.3 && l[0] >= 2.5 && h[1] >= 1) return 'vehicle';
  if (w[1] <= 1.2 && l[0] <= 2.5 && h[1] <= 2.3 && h[0] >= 0.5) return 'person';
  return 'other';
}
