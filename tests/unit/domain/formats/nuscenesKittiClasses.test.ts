import { describe, expect, it } from 'vitest';
import {
  KittiClassMapper,
  NUSCENES_CATEGORIES,
  NUSCENES_DETECTION_NAME,
  NuscenesClassMapper,
  kittiClassOfNuscenes,
  nuscenesCategoryOfKitti,
} from '../../../../src/domain/formats/nuscenes/nuscenesKittiClasses.ts';

const box = (label: string, attr?: string) => ({
  label,
  attributes: { truncated: 0, occluded: 0, ...(attr !== undefined ? { nuscenes_attribute: attr } : {}) },
});

describe('nuScenes categories → KITTI classes', () => {
  it('knows the 23 general categories and the 10 detection classes the nuscenes-devkit publishes', () => {
    // nuscenes-devkit python-sdk/nuscenes/eval/detection/README.md: 23 general classes, 10 detection classes.
    expect(NUSCENES_CATEGORIES).toHaveLength(23);
    expect(new Set(Object.values(NUSCENES_DETECTION_NAME))).toEqual(
      new Set(['barrier', 'bicycle', 'bus', 'car', 'construction_vehicle', 'motorcycle', 'pedestrian', 'traffic_cone', 'trailer', 'truck']),
    );
    expect(NUSCENES_DETECTION_NAME['human.pedestrian.stroller']).toBeUndefined();
    expect(NUSCENES_DETECTION_NAME['vehicle.emergency.police']).toBeUndefined();
  });

  it('maps each category to a KITTI class, with the rider and sitting attributes deciding', () => {
    expect(kittiClassOfNuscenes('vehicle.car', [])).toBe('Car');
    expect(kittiClassOfNuscenes('vehicle.truck', ['vehicle.parked'])).toBe('Truck');
    for (const p of ['adult', 'child', 'construction_worker', 'police_officer']) expect(kittiClassOfNuscenes(`human.pedestrian.${p}`, [])).toBe('Pedestrian');
    expect(kittiClassOfNuscenes('human.pedestrian.adult', ['pedestrian.sitting_lying_down'])).toBe('Person_sitting');
    expect(kittiClassOfNuscenes('vehicle.bicycle', ['cycle.with_rider'])).toBe('Cyclist');
    expect(kittiClassOfNuscenes('vehicle.bicycle', ['cycle.without_rider'])).toBe('Misc');
    expect(kittiClassOfNuscenes('vehicle.bicycle', [])).toBe('Misc');
    expect(kittiClassOfNuscenes('vehicle.motorcycle', ['cycle.with_rider'])).toBe('Cyclist');
    for (const c of ['vehicle.bus.bendy', 'vehicle.bus.rigid', 'vehicle.construction', 'vehicle.trailer', 'vehicle.emergency.ambulance'])
      expect(kittiClassOfNuscenes(c, [])).toBe('Misc');
    expect(kittiClassOfNuscenes('movable_object.trafficcone', [])).toBeNull();
    expect(kittiClassOfNuscenes('animal', [])).toBeNull();
    // Not a nuScenes category: left alone.
    expect(kittiClassOfNuscenes('Car', [])).toBeNull();
    expect(kittiClassOfNuscenes('vehicle.cars', [])).toBeNull();
    // Every category has a decision that is a KITTI class or "kept".
    for (const c of NUSCENES_CATEGORIES)
      expect([null, 'Car', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Misc']).toContain(kittiClassOfNuscenes(c, []));
  });

  it('counts the changes an export makes and says them in one manifest sentence', () => {
    const m = new KittiClassMapper();
    const out = m.map([box('vehicle.car'), box('vehicle.car'), box('vehicle.bicycle', 'cycle.with_rider'), box('movable_object.barrier'), box('Van')]);
    expect(out.map((b) => b.label)).toEqual(['Car', 'Car', 'Cyclist', 'movable_object.barrier', 'Van']);
    expect(m.list()).toEqual([
      { from: 'movable_object.barrier', to: 'movable_object.barrier', because: '', boxes: 1 },
      { from: 'vehicle.bicycle', to: 'Cyclist', because: 'cycle.with_rider', boxes: 1 },
      { from: 'vehicle.car', to: 'Car', because: '', boxes: 2 },
    ]);
    expect(m.sentence()).toBe(
      'classes: nuScenes categories mapped to KITTI classes (nuscenes-devkit category list and detection classes; see the README): ' +
        'vehicle.bicycle (cycle.with_rider) → Cyclist ×1, vehicle.car → Car ×2; kept as they are (no KITTI class): movable_object.barrier ×1',
    );
    expect(new KittiClassMapper().sentence()).toBeNull();
  });

  it('writes KITTI classes as nuScenes categories for a nuScenes export, the rider as an attribute', () => {
    expect(nuscenesCategoryOfKitti('Cyclist')).toEqual({ category: 'vehicle.bicycle', attribute: 'cycle.with_rider' });
    expect(nuscenesCategoryOfKitti('Misc')).toBeNull();
    const m = new NuscenesClassMapper();
    const [cyclist, car, misc] = m.map([box('Cyclist'), box('Car'), box('Misc')]);
    expect(cyclist).toEqual(box('vehicle.bicycle', 'cycle.with_rider'));
    expect(car.label).toBe('vehicle.car');
    expect(misc.label).toBe('Misc');
    // One attribute per group: a rider replaces "without rider" (the devkit's evaluation takes at most one attribute).
    expect(new NuscenesClassMapper().map([box('Cyclist', 'cycle.without_rider')])[0].attributes.nuscenes_attribute).toBe('cycle.with_rider');
    // Back to KITTI: the same classes.
    expect(new KittiClassMapper().map([cyclist, car, misc]).map((b) => b.label)).toEqual(['Cyclist', 'Car', 'Misc']);
  });
});
