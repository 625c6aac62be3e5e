import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../src/domain/checks/FrameChecker.ts';
import { createCheckContext } from '../../../../src/domain/checks/createCheckContext.ts';
import { runChecks } from '../../../../src/domain/checks/runChecks.ts';
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { updateSettings } from '../../../../src/domain/checks/dictionary/editDictionary.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { box, cloud, groundPoints, objectPoints, rng } from './sceneFixtures.ts';

const objects: Cuboid[] = [
  box('c1', 'Car', 10, 4, [4.2, 1.8, 1.5], 0.1),
  box('c2', 'Car', 16, 4.2, [4.4, 1.9, 1.6], 0.05),
  box('c3', 'Car', 14, -5, [4, 1.8, 1.5], 1.4),
  box('p1', 'Pedestrian', 7, -1, [0.7, 0.6, 1.75]),
  box('p2', 'Pedestrian', 7.9, -1.2, [0.7, 0.6, 1.7]),
  box('v1', 'Van', 25, 8, [5.2, 2, 2.2], 0.2),
];
const positions = cloud(groundPoints(-5, 35, -20, 20, 0.5), ...objects.map((o) => objectPoints(o, 0.12)));

function full(cuboids: readonly Cuboid[], dictionary = defaultDictionary) {
  const ctx = createCheckContext({ frameId: 'f', positions, cuboids, dictionary });
  return runChecks(ctx);
}

describe('FrameChecker', () => {
  it('first run is a full run equal to runChecks', () => {
    const checker = new FrameChecker('f', positions);
    const run = checker.check(objects, defaultDictionary);
    expect(run.full).toBe(true);
    expect(run.frameRules).toBe(true);
    expect(run.results).toEqual(full(objects));
  });

  it('re-checks only the edited box and its neighbours, and matches a full run after each edit', () => {
    const checker = new FrameChecker('f', positions);
    checker.check(objects, defaultDictionary);
    let boxes = objects;
    const r = rng(3);
    const edits: ((b: Cuboid[]) => [Cuboid[], string[]])[] = [
      (b) => [b.map((x) => (x.id === 'c1' ? { ...x, center: [x.center[0] + 1.5, x.center[1], x.center[2]] as const } : x)), ['c1']],
      (b) => [b.map((x) => (x.id === 'p2' ? { ...x, label: 'Cyclist' } : x)), ['p2']],
      (b) => [b.filter((x) => x.id !== 'c3'), ['c3']],
      (b) => [[...b, box('new', 'Car', 30, -8, [4, 1.8, 1.5])], ['new']],
      (b) => [b.map((x) => (x.id === 'v1' ? { ...x, size: [10, 2, 2.2] as const } : x)), []],
      (b) => [b.map((x) => (x.id === 'c2' ? { ...x, yaw: x.yaw + r() * 3 } : x)), ['c2']],
      (b) => [b.map((x) => (x.id === 'c1' ? { ...x, center: objects[0].center } : x)), ['c1']],
    ];
    for (const edit of edits) {
      const [next, hint] = edit(boxes);
      boxes = next;
      const run = checker.check(boxes, defaultDictionary, hint);
      expect(run.full).toBe(false);
      expect(run.results).toEqual(full(boxes));
      expect(run.rechecked.length).toBeLessThan(boxes.length + 1);
    }
  });

  it('a label change alone re-checks few boxes and skips the frame rules', () => {
    const checker = new FrameChecker('f', positions);
    checker.check(objects, defaultDictionary);
    const relabelled = objects.map((x) => (x.id === 'v1' ? { ...x, label: 'Truck' } : x));
    const run = checker.check(relabelled, defaultDictionary, ['v1']);
    expect(run.rechecked).toContain('v1');
    expect(run.rechecked.length).toBeLessThan(objects.length);
    expect(run.frameRules).toBe(false);
    expect(run.results).toEqual(full(relabelled));
    const same = checker.check(relabelled, defaultDictionary);
    expect(same.rechecked).toEqual([]);
    expect(same.results).toEqual(run.results);
  });

  it('finds changes without a hint, and re-runs everything for another dictionary', () => {
    const checker = new FrameChecker('f', positions);
    checker.check(objects, defaultDictionary);
    const moved = objects.map((x) => (x.id === 'p1' ? { ...x, center: [x.center[0], x.center[1], x.center[2] + 1] as const } : x));
    const run = checker.check(moved, defaultDictionary);
    expect(run.rechecked).toContain('p1');
    expect(run.results).toEqual(full(moved));
    const strict = updateSettings(defaultDictionary, { floatTolerance: 0.1 });
    const again = checker.check(moved, structuredClone(strict));
    expect(again.full).toBe(true);
    expect(again.results).toEqual(full(moved, strict));
    expect(checker.check(moved, structuredClone(strict)).full).toBe(false);
  });
});
