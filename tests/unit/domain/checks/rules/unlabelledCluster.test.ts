import { describe, expect, it } from 'vitest';
import { unlabelledCluster } from '../../../../../src/domain/checks/rules/unlabelledCluster.ts';
import { box, cloud, contextFor, groundPoints, objectPoints } from '../sceneFixtures.ts';

const ground = groundPoints(-5, 35, -20, 20, 0.5);
const car = box('car', 'Car', 15, -4, [4.2, 1.8, 1.5], 0.2);
const ped = box('ped', 'Pedestrian', 10, 6, [0.6, 0.6, 1.75]);

describe('unlabelledCluster', () => {
  it('warns at the place of an object-sized cluster with no box, naming the classes it fits', () => {
    const r = unlabelledCluster(contextFor(cloud(ground, objectPoints(car), objectPoints(ped)), [ped]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ruleId: 'unlabelledCluster', severity: 'warning', cuboidId: null, dictionaryEntry: 'every-object-boxed' });
    const [x, y] = r[0].location!;
    expect(Math.hypot(x - 15, y + 4)).toBeLessThan(0.5);
    expect(r[0].message).toMatch(/^\d+ points at \(15\.\d, -[34]\.\d\), 16 m away, form a 4\.\d × 1\.\d m cluster 1\.\d m tall with no box: a missed Car/);
  });

  it('suggests the class whose sizes fit the cluster best, for "Box it"', () => {
    const cyclistSized = box('c', 'Cyclist', 8, -10, [1.7, 0.6, 1.7]);
    const r = unlabelledCluster(contextFor(cloud(ground, objectPoints(car), objectPoints(ped), objectPoints(cyclistSized)), []));
    const at = (x: number, y: number) => r.find((q) => Math.hypot(q.location![0] - x, q.location![1] - y) < 1);
    expect(at(15, -4)?.suggestedLabel).toBe('Car');
    expect(at(10, 6)?.suggestedLabel).toBe('Pedestrian');
    expect(at(8, -10)?.suggestedLabel).toBe('Cyclist');
  });

  it('is silent when every object has a box', () => {
    expect(unlabelledCluster(contextFor(cloud(ground, objectPoints(car), objectPoints(ped)), [car, ped]))).toEqual([]);
  });

  it('ignores poles, walls, low clutter and sparse noise', () => {
    const pole = objectPoints(box('x', 'Misc', 8, -8, [0.3, 0.3, 3.8]), 0.05);
    const wall = objectPoints(box('x', 'Misc', 20, 12, [18, 0.3, 3]));
    const curb = objectPoints(box('x', 'Misc', 6, 10, [3, 1, 0.5]));
    const noise = [20, -15, -0.5, 25, 15, 0, 5, -18, -1];
    expect(unlabelledCluster(contextFor(cloud(ground, pole, wall, curb, noise), []))).toEqual([]);
  });

  it('reports a tall box-shaped cluster (a missed truck or a building) only as info', () => {
    const truck = box('t', 'Truck', 20, 8, [9, 2.5, 3.5]);
    const r = unlabelledCluster(contextFor(cloud(ground, objectPoints(truck, 0.2)), []));
    expect(r.map((x) => x.severity)).toEqual(['info']);
    expect(r[0].message).toMatch(/a missed (Van, )?Truck or Tram\?$/);
  });

  it('leaves out clusters outside the label region and next to the sensor', () => {
    const pts = cloud(ground, objectPoints(car), objectPoints(box('ego', 'Car', 0, 0, [4, 1.8, 1.5])));
    expect(unlabelledCluster(contextFor(pts, [], { labelRegion: { azimuth: [0, Math.PI / 2] } }))).toEqual([]);
    expect(unlabelledCluster(contextFor(pts, [], { labelRegion: { azimuth: [-Math.PI / 2, 0], ignoreAzimuths: [[-0.4, -0.1]] } }))).toEqual([]);
    expect(unlabelledCluster(contextFor(pts, [], { labelRegion: { azimuth: [-Math.PI / 2, 0] } }))).toHaveLength(1);
  });

  it('lists the largest clusters first, at most settings.clusterMaxResults', () => {
    const objs = [0, 1, 2, 3].map((k) => objectPoints(box('p', 'Pedestrian', 8 + 3 * k, -10, [0.6, 0.6, 1.7]), 0.1 - 0.015 * k));
    const ctx = contextFor(cloud(ground, ...objs), []);
    const r = unlabelledCluster(ctx);
    expect(r).toHaveLength(4);
    const counts = r.map((x) => Number(x.message.split(' ')[0]));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const few = unlabelledCluster({ ...ctx, dictionary: { ...ctx.dictionary, settings: { ...ctx.dictionary.settings, clusterMaxResults: 2 } } });
    expect(few).toEqual(r.slice(0, 2));
  });
});
