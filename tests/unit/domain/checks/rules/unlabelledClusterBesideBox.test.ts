import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../../src/domain/checks/CheckResult.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { analyzeFrame } from '../../../../../src/domain/checks/frame/analyzeFrame.ts';
import { unlabelledCluster } from '../../../../../src/domain/checks/rules/unlabelledCluster.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { SCAN_HEIGHT, scan, SURROUNDINGS } from '../scanFixture.ts';

/**
 * A person standing 0.3 m beside a van (both 10 m from the sensor): in the obstacle clusters'
 * 0.4 m grid they are one cluster, and once the van is boxed, more than 90 % of that cluster is
 * in a box. What is left is the person, and it is a missed object.
 */
const VAN = { kind: 'box', x: -10, y: -3.6, l: 5, w: 2, h: 2.1, yaw: 0 } as const;
const PERSON = { kind: 'box', x: -10, y: -2.05, l: 0.5, w: 0.4, h: 1.75, yaw: 0 } as const;

function vanBox(): Cuboid {
  return {
    id: 'van',
    trackId: null,
    label: 'Van',
    center: [VAN.x, VAN.y, -SCAN_HEIGHT + VAN.h / 2],
    size: [VAN.l + 0.1, VAN.w + 0.1, VAN.h],
    yaw: VAN.yaw,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
  };
}

describe('unlabelledCluster beside a boxed object', () => {
  let positions: Float32Array;
  let results: CheckResult[];
  beforeAll(() => {
    positions = scan([...SURROUNDINGS, VAN, PERSON]);
    results = unlabelledCluster(createCheckContext({ frameId: 'beside', positions, cuboids: [vanBox()], analysis: analyzeFrame(positions) }));
  }, 30_000);

  it('reports the person left over in the boxed van’s cluster as a missed Pedestrian', () => {
    const found = results.filter((r) => r.location !== null && Math.hypot(r.location[0] - PERSON.x, r.location[1] - PERSON.y) < 1);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ suggestedLabel: 'Pedestrian' });
    expect(found[0].severity).not.toBe('info');
  });

  it('reports nothing once the person has a box too', () => {
    const person: Cuboid = { ...vanBox(), id: 'p', label: 'Pedestrian', center: [PERSON.x, PERSON.y, -SCAN_HEIGHT + PERSON.h / 2], size: [0.6, 0.5, 1.8] };
    const again = unlabelledCluster(createCheckContext({ frameId: 'beside', positions, cuboids: [vanBox(), person], analysis: analyzeFrame(positions) }));
    expect(again.filter((r) => r.location !== null && r.severity !== 'info')).toEqual([]);
  });
});
