import { FrameChecker } from '../../../../src/domain/checks/FrameChecker.ts';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { simFrames } from '../../../bench/quality/simFrames.ts';
import { seedDefect } from '../../../bench/quality/defects.ts';
import type { SensorProfileId } from '../../../../src/sim/sensorProfiles.ts';

/**
 * One box of a simulated frame (the quality bench's sequence, frame `frame`, sensor at 1.73 m) and
 * a function giving one rule's findings on that box for a list of the frame's boxes (the box
 * moved or turned, the others as they are; `turned`, `shifted`).
 */
export function simBoxFindings(profile: SensorProfileId, frame: number, index: number, ruleId: string) {
  const [sim] = [...simFrames({ profile, height: 1.73, vehicleFrame: false }, 1, frame)];
  const box = sim.boxes[index];
  const findings = (boxes: Cuboid[]): CheckResult[] =>
    new FrameChecker(sim.id, sim.positions, { ring: sim.ring })
      .check(boxes, defaultDictionary, [], [])
      .results.filter((r) => r.cuboidId === box.id && r.ruleId === ruleId);
  /** The frame's boxes with this one turned by `turn` radians. */
  const turned = (turn: number): Cuboid[] => sim.boxes.map((b, i) => (i === index ? { ...b, yaw: b.yaw + turn } : b));
  /** The frame's boxes with this one moved 1 m sideways, to its left (side 1) or right (−1), as the quality bench's `shift1`. */
  const shifted = (side: 1 | -1): Cuboid[] => seedDefect(sim.boxes, index, 'shift1', side).boxes;
  return { sim, box, findings, turned, shifted };
}
