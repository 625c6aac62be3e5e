import { describe, expect, it } from 'vitest';
import { notOnGround } from '../../../../../src/domain/checks/rules/notOnGround.ts';
import { box, contextFor, groundPoints, cloud } from '../sceneFixtures.ts';

const ground = cloud(groundPoints(-5, 35, -20, 20, 0.5));

describe('notOnGround', () => {
  it('passes a box resting on the ground and one within the tolerance', () => {
    const cuboids = [box('a', 'Car', 10, 3, [4, 1.8, 1.5]), box('b', 'Car', 15, -3, [4, 1.8, 1.5], 0, {}, 0.2)];
    expect(notOnGround(contextFor(ground, cuboids))).toEqual([]);
  });

  it('warns on a box floating a little, errors beyond twice the tolerance', () => {
    const cuboids = [box('a', 'Car', 10, 3, [4, 1.8, 1.5], 0, {}, 0.5), box('b', 'Pedestrian', 12, -3, [0.7, 0.6, 1.7], 0, {}, 1.0)];
    const r = notOnGround(contextFor(ground, cuboids));
    expect(r.map((x) => [x.cuboidId, x.severity])).toEqual([
      ['a', 'warning'],
      ['b', 'error'],
    ]);
    expect(r[1].message).toMatch(/^Pedestrian box floats 1\.0\d m above the ground \(bottom at z -0\.70 m, ground at -1\.\d\d m; 0\.35 m tolerated\)$/);
    expect(r[0].dictionaryEntry).toBe('vehicle-on-car-carrier');
  });

  it('errors on a sunk box', () => {
    const r = notOnGround(contextFor(ground, [box('a', 'Van', 10, 3, [5, 2, 2.2], 0, {}, -0.9)]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: 'error', dictionaryEntry: 'box-fits-object' });
    expect(r[0].message).toMatch(/^Van box sinks 0\.[89]\d m below the ground/);
  });

  it('ignores classes that need not touch the ground', () => {
    expect(notOnGround(contextFor(ground, [box('a', 'Misc', 10, 3, [1, 1, 1], 0, {}, 2)]))).toEqual([]);
  });

  it('says nothing where the ground next to the box was not seen', () => {
    expect(notOnGround(contextFor(ground, [box('a', 'Car', 60, 0, [4, 1.8, 1.5], 0, {}, 2)]))).toEqual([]);
  });

  it('trusts the points around the box over a ground model that is too high there', () => {
    // A ground model 1 m too high everywhere: the ring of road points around the box wins.
    const cuboids = [box('a', 'Car', 10, 3, [4, 1.8, 1.5])];
    const ctx = contextFor(ground, cuboids);
    const high = { ...ctx.analysis!.ground, heights: ctx.analysis!.ground.heights.map((h) => h + 1), defaultZ: 0 };
    expect(notOnGround({ ...ctx, ground: high })).toEqual([]);
    const r = notOnGround({ ...ctx, ground: high, cuboids: [box('a', 'Car', 10, 3, [4, 1.8, 1.5], 0, {}, 1)] });
    expect(r[0].message).toMatch(/^Car box floats 1\.0\d m above the ground \(bottom at z -0\.70 m, ground at -1\.7\d m;/);
  });

  it('does not sink a box below a ground that its own returns reach under', () => {
    // A ground model 1.5 m too high at the box, and a wall top beside it at that height (a sparse
    // scanner far out): the truck's own returns inside the box lie below that level.
    const truck: number[] = [];
    for (let y = -1.2; y <= 1.2; y += 0.1) for (const z of [-1.2, -0.6]) truck.push(20 - 4, 3 + y, z);
    const wallTop = [16.5, 5, -0.25, 16.6, 5.05, -0.24, 16.7, 5.1, -0.26];
    const pts = cloud(groundPoints(-5, 10, -20, 20, 0.5), truck, wallTop);
    const cuboids = [box('t', 'Truck', 20, 3, [8, 2.5, 3.2])];
    const ctx = contextFor(pts, cuboids);
    const high = { ...ctx.analysis!.ground, heights: ctx.analysis!.ground.heights.map((h) => h + 1.5), defaultZ: -0.23 };
    expect(notOnGround({ ...ctx, ground: high })).toEqual([]);
  });

  it('is not fooled by a few ghost returns far below the road next to the box', () => {
    // As in KITTI 000000 at (11, 5): four multipath returns 2.7 m under the road in the ring.
    const ghosts = [12.6, 3, -4.3, 12.7, 3.2, -4.31, 7.6, 2.9, -4.32, 12.5, 4.4, -4.72];
    const cuboids = [box('a', 'Car', 10, 3, [4, 1.8, 1.5])];
    expect(notOnGround(contextFor(cloud(groundPoints(-5, 35, -20, 20, 0.5), ghosts), cuboids))).toEqual([]);
  });
});

describe('notOnGround where the ground beside the box was not seen', () => {
  it("reads a lifted box from its object's own points under it", async () => {
    const { scan, SCAN_HEIGHT, SURROUNDINGS } = await import('../scanFixture.ts');
    const { analyzeFrame } = await import('../../../../../src/domain/checks/frame/analyzeFrame.ts');
    const { createCheckContext } = await import('../../../../../src/domain/checks/createCheckContext.ts');
    // A low wall 28–31 m out hides the road around a truck 35 m out; the truck shows above it.
    const positions = scan([...SURROUNDINGS, { kind: 'box', x: 29.5, y: 0, l: 3, w: 12, h: 0.6 }, { kind: 'box', x: 37, y: 0, l: 8, w: 2.5, h: 3.4 }]);
    const analysis = analyzeFrame(positions);
    const truck = { ...box('t', 'Truck', 37, 0, [8, 2.5, 3.4]), center: [37, 0, -SCAN_HEIGHT + 1.7] as [number, number, number] };
    const run = (b: typeof truck) => notOnGround(createCheckContext({ frameId: 's', positions, cuboids: [b], analysis }));
    expect(run(truck)).toEqual([]);
    const lifted = run({ ...truck, center: [37, 0, truck.center[2] + 1] });
    expect(lifted.map((r) => r.severity)).toEqual(['error']);
    expect(lifted[0].message).toMatch(/^Truck box floats 1\.\d\d m above the ground .*: \d+ points of its object lie under it$/);
  });
});
