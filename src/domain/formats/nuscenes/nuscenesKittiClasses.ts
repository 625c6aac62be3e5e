/**
 * nuScenes categories ↔ KITTI object classes.
 *
 * Sources: the 23 general categories of nuScenes v1.0 and their detection classes are those the
 * nuscenes-devkit publishes (`python-sdk/nuscenes/eval/detection/README.md`, "Classes, attributes,
 * and detection ranges", and `category_to_detection_name` in `eval/detection/utils.py`; the
 * attributes `cycle.with_rider` / `cycle.without_rider` / `pedestrian.sitting_lying_down` in
 * `docs/instructions_nuscenes.md`). The KITTI classes are the object devkit's `type` values
 * (`Car`, `Van`, `Truck`, `Pedestrian`, `Person_sitting`, `Cyclist`, `Tram`, `Misc`, `DontCare`;
 * KITTI's `Misc` holds e.g. trailers and Segways, Geiger et al., IJRR 2013).
 *
 * The devkit's own `export_kitti.py` writes the lower-case detection names (`car`, `pedestrian`)
 * and drops the "void / ignore" categories; Cuboid instead writes KITTI's own class names, so
 * that KITTI readers with their default class lists (`Car`, `Pedestrian`, `Cyclist`) train on
 * them, and keeps every box:
 * - detection class `car` → `Car` (nuScenes' car includes vans and SUVs: none becomes `Van`);
 * - `truck` → `Truck`; `pedestrian` (adult, child, construction worker, police officer) →
 *   `Pedestrian`, or `Person_sitting` with the attribute `pedestrian.sitting_lying_down`;
 * - `bicycle` and `motorcycle` with `cycle.with_rider` → `Cyclist` (KITTI has no motorcycle
 *   class; its cyclist is a rider on two wheels), without a rider (or no rider attribute) → `Misc`;
 * - other vehicles KITTI has no class for (bus, construction vehicle, trailer, ambulance, police
 *   vehicle) and personal mobility, stroller and wheelchair → `Misc`;
 * - categories that are not road users (animal, barrier, traffic cone, debris,
 *   pushable/pullable, bicycle rack) have no KITTI class and keep their nuScenes name (KITTI
 *   readers skip classes outside their class list).
 *
 * A name that is not a nuScenes category (already a KITTI class, a team's own class) is kept.
 */
import { NUSCENES_ATTRIBUTE_KEY } from '../../nuscenes/NuscenesTables.ts';

/** The 23 general categories of nuScenes v1.0 (nuscenes-devkit, detection README table). */
export const NUSCENES_CATEGORIES = [
  'animal',
  'human.pedestrian.adult',
  'human.pedestrian.child',
  'human.pedestrian.construction_worker',
  'human.pedestrian.personal_mobility',
  'human.pedestrian.police_officer',
  'human.pedestrian.stroller',
  'human.pedestrian.wheelchair',
  'movable_object.barrier',
  'movable_object.debris',
  'movable_object.pushable_pullable',
  'movable_object.trafficcone',
  'static_object.bicycle_rack',
  'vehicle.bicycle',
  'vehicle.bus.bendy',
  'vehicle.bus.rigid',
  'vehicle.car',
  'vehicle.construction',
  'vehicle.emergency.ambulance',
  'vehicle.emergency.police',
  'vehicle.motorcycle',
  'vehicle.trailer',
  'vehicle.truck',
] as const;
export type NuscenesCategory = (typeof NUSCENES_CATEGORIES)[number];

/** The devkit's `category_to_detection_name`: general category → detection class (absent: "void / ignore"). */
export const NUSCENES_DETECTION_NAME: Partial<Record<NuscenesCategory, string>> = {
  'movable_object.barrier': 'barrier',
  'vehicle.bicycle': 'bicycle',
  'vehicle.bus.bendy': 'bus',
  'vehicle.bus.rigid': 'bus',
  'vehicle.car': 'car',
  'vehicle.construction': 'construction_vehicle',
  'vehicle.motorcycle': 'motorcycle',
  'human.pedestrian.adult': 'pedestrian',
  'human.pedestrian.child': 'pedestrian',
  'human.pedestrian.construction_worker': 'pedestrian',
  'human.pedestrian.police_officer': 'pedestrian',
  'movable_object.trafficcone': 'traffic_cone',
  'vehicle.trailer': 'trailer',
  'vehicle.truck': 'truck',
};

const ALWAYS: Partial<Record<NuscenesCategory, string>> = {
  'vehicle.car': 'Car',
  'vehicle.truck': 'Truck',
  'vehicle.bus.bendy': 'Misc',
  'vehicle.bus.rigid': 'Misc',
  'vehicle.construction': 'Misc',
  'vehicle.trailer': 'Misc',
  'vehicle.emergency.ambulance': 'Misc',
  'vehicle.emergency.police': 'Misc',
  'human.pedestrian.personal_mobility': 'Misc',
  'human.pedestrian.stroller': 'Misc',
  'human.pedestrian.wheelchair': 'Misc',
};

/** True for one of the 23 nuScenes general categories. */
export function isNuscenesCategory(name: string): name is NuscenesCategory {
  return (NUSCENES_CATEGORIES as readonly string[]).includes(name);
}

/** The nuScenes attribute names of a box's attribute value (`nuscenes_attribute`), or none. */
export function nuscenesAttributesOf(attributes: Readonly<Record<string, unknown>>): string[] {
  const v = attributes[NUSCENES_ATTRIBUTE_KEY];
  return typeof v === 'string' && v !== '' ? v.split(',') : [];
}

/**
 * The KITTI class of a nuScenes category with the box's nuScenes attribute names (see the module
 * comment), or `null` when `category` is not a nuScenes category or has no KITTI class (kept as it is).
 */
export function kittiClassOfNuscenes(category: string, attributes: readonly string[]): string | null {
  if (!isNuscenesCategory(category)) return null;
  const fixed = ALWAYS[category];
  if (fixed !== undefined) return fixed;
  if (NUSCENES_DETECTION_NAME[category] === 'pedestrian') return attributes.includes('pedestrian.sitting_lying_down') ? 'Person_sitting' : 'Pedestrian';
  if (category === 'vehicle.bicycle' || category === 'vehicle.motorcycle') return attributes.includes('cycle.with_rider') ? 'Cyclist' : 'Misc';
  return null;
}

/** The attributes that can change a category's KITTI class. */
const DECIDING = ['cycle.with_rider', 'cycle.without_rider', 'pedestrian.sitting_lying_down'];

/** One kind of class change an export made, and how many boxes it touched. */
export interface ClassChange {
  from: string;
  /** The class written; equal to `from` for a nuScenes category kept as it is. */
  to: string;
  /** The attribute that decided (`cycle.with_rider`), or ''. */
  because: string;
  boxes: number;
}

/**
 * Counts the class changes of the boxes (keyed `from|because|to`) while giving each box's new
 * class: what an export to a KITTI-class format (KITTI object, KITTI tracking, OpenPCDet, mmdet3d)
 * writes for it. Boxes whose class is not a nuScenes category are returned as they are.
 */
export class KittiClassMapper {
  private readonly changes = new Map<string, ClassChange>();

  /** The boxes with KITTI classes (new objects only where the class changed). */
  map<T extends { label: string; attributes: Readonly<Record<string, unknown>> }>(boxes: readonly T[]): T[] {
    return boxes.map((b) => {
      if (!isNuscenesCategory(b.label)) return b;
      const attrs = nuscenesAttributesOf(b.attributes);
      const to = kittiClassOfNuscenes(b.label, attrs) ?? b.label;
      const because = attrs.find((a) => DECIDING.includes(a)) ?? '';
      const key = `${b.label}|${because}|${to}`;
      const change = this.changes.get(key);
      if (change === undefined) this.changes.set(key, { from: b.label, to, because, boxes: 1 });
      else change.boxes++;
      return to === b.label ? b : { ...b, label: to };
    });
  }

  /** Every change made so far, sorted by source class then target. */
  list(): ClassChange[] {
    return [...this.changes.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }

  /** The manifest sentence for the changes, or null when no box had a nuScenes category. */
  sentence(): string | null {
    const list = this.list();
    if (list.length === 0) return null;
    const mapped = list.filter((c) => c.to !== c.from).map((c) => `${c.from}${c.because !== '' ? ` (${c.because})` : ''} → ${c.to} ×${c.boxes}`);
    const kept = list.filter((c) => c.to === c.from).map((c) => `${c.from} ×${c.boxes}`);
    return (
      'classes: nuScenes categories mapped to KITTI classes (nuscenes-devkit category list and detection classes; see the README)' +
      (mapped.length > 0 ? `: ${mapped.join(', ')}` : '') +
      (kept.length > 0 ? `; kept as they are (no KITTI class): ${kept.join(', ')}` : '')
    );
  }
}

/**
 * The nuScenes category (and attribute) a KITTI class is written as in a nuScenes export, the
 * inverse of `kittiClassOfNuscenes` where it is one-to-one: `Car` and `Van` → `vehicle.car`
 * (nuScenes' car holds vans), `Truck` → `vehicle.truck`, `Pedestrian` → `human.pedestrian.adult`,
 * `Person_sitting` → `human.pedestrian.adult` with `pedestrian.sitting_lying_down`, `Cyclist` →
 * `vehicle.bicycle` with `cycle.with_rider`. `Tram` and `Misc` have no nuScenes category (null:
 * kept as they are), nor has any other name.
 */
export function nuscenesCategoryOfKitti(cls: string): { category: NuscenesCategory; attribute: string | null } | null {
  switch (cls) {
    case 'Car':
    case 'Van':
      return { category: 'vehicle.car', attribute: null };
    case 'Truck':
      return { category: 'vehicle.truck', attribute: null };
    case 'Pedestrian':
      return { category: 'human.pedestrian.adult', attribute: null };
    case 'Person_sitting':
      return { category: 'human.pedestrian.adult', attribute: 'pedestrian.sitting_lying_down' };
    case 'Cyclist':
      return { category: 'vehicle.bicycle', attribute: 'cycle.with_rider' };
    default:
      return null;
  }
}

/**
 * Counts the class changes of the boxes an export to nuScenes makes (KITTI class → nuScenes
 * category, with the attribute the class implies put in `nuscenes_attribute` in place of one of
 * its group), like `KittiClassMapper` the other way.
 */
export class NuscenesClassMapper {
  private readonly changes = new Map<string, ClassChange>();

  map<T extends { label: string; attributes: Readonly<Record<string, unknown>> }>(boxes: readonly T[]): T[] {
    return boxes.map((b) => {
      const to = nuscenesCategoryOfKitti(b.label);
      if (to === null) return b;
      const because = to.attribute ?? '';
      const key = `${b.label}|${because}|${to.category}`;
      const change = this.changes.get(key);
      if (change === undefined) this.changes.set(key, { from: b.label, to: to.category, because, boxes: 1 });
      else change.boxes++;
      const attrs = nuscenesAttributesOf(b.attributes);
      // The class's attribute replaces one of the same group (`cycle.`, `pedestrian.`): the devkit's
      // evaluation refuses a ground-truth box with more than one attribute (eval/common/loaders.py).
      const group = to.attribute === null ? '' : to.attribute.slice(0, to.attribute.indexOf('.') + 1);
      const withAttr = to.attribute === null ? attrs : [...attrs.filter((a) => !a.startsWith(group)), to.attribute];
      return { ...b, label: to.category, attributes: withAttr.length > 0 ? { ...b.attributes, [NUSCENES_ATTRIBUTE_KEY]: withAttr.join(',') } : b.attributes };
    });
  }

  /** Every change made so far, sorted by source class. */
  list(): ClassChange[] {
    return [...this.changes.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }

  /** The manifest sentence for the changes, or null when no box had a KITTI class. */
  sentence(): string | null {
    const list = this.list();
    if (list.length === 0) return null;
    return `classes: KITTI classes written as nuScenes categories (the inverse of the README's nuScenes → KITTI table): ${list
      .map((c) => `${c.from} → ${c.to}${c.because !== '' ? ` + ${c.because}` : ''} ×${c.boxes}`)
      .join(', ')}`;
  }
}
