import { iou3d } from '../../geometry/iou.ts';
import type { Cuboid } from '../../types.ts';
import type { CheckContext, Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { edgeCaseForRule } from '../dictionary/edgeCaseForRule.ts';
import { fmt } from '../formatNumber.ts';
import { candidatePairs } from './candidatePairs.ts';

/**
 * Two boxes overlap by more than the 3D IoU the dictionary allows for their class pair (the
 * larger `allowedOverlaps.maxIou` of either class, else `settings.overlapIou`). Error, reported
 * on both boxes. Pairs at or above `settings.duplicateIou` are left to the duplicate rule.
 */
export const overlap: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const boxes = ctx.cuboids;
  const only = ctx.only;
  const isTarget = only === undefined ? undefined : (i: number) => only.has(boxes[i].id);
  const { overlapIou, duplicateIou } = ctx.dictionary.settings;
  for (const [i, j] of candidatePairs(boxes, isTarget)) {
    const a = boxes[i];
    const b = boxes[j];
    const iou = iou3d(a, b);
    if (iou >= duplicateIou) continue;
    const allowed = allowedIou(ctx, a.label, b.label) ?? overlapIou;
    if (iou <= allowed) continue;
    const entry = overlapEntry(ctx, a.label, b.label);
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (only !== undefined && !only.has(self.id)) continue;
      out.push({
        ruleId: 'overlap',
        severity: 'error',
        cuboidId: self.id,
        location: null,
        message:
          `${self.label} box overlaps the ${other.label} box at (${fmt(other.center[0], 1)}, ${fmt(other.center[1], 1)}) (3D IoU ${fmt(iou, 2)}; ` +
          `at most ${fmt(allowed, 2)} allowed between ${pairName(self, other)})`,
        dictionaryEntry: entry,
        otherCuboidId: other.id,
      });
    }
  }
  return out;
};

function allowedIou(ctx: CheckContext, a: string, b: string): number | null {
  let best: number | null = null;
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    for (const o of ctx.dictionary.classes[x]?.allowedOverlaps ?? []) {
      if (o.class === y && (best === null || o.maxIou > best)) best = o.maxIou;
    }
  }
  return best;
}

function overlapEntry(ctx: CheckContext, a: string, b: string): string | null {
  const pair = [a, b].sort().join('+');
  const byPair: Record<string, string> = {
    'Cyclist+Pedestrian': 'rider-on-bicycle',
    'Pedestrian+Pedestrian': 'group-of-pedestrians',
    'Misc+Pedestrian': 'person-pushing-bicycle',
  };
  const id = byPair[pair];
  if (id !== undefined && ctx.dictionary.edgeCases.some((e) => e.id === id)) return id;
  return edgeCaseForRule(ctx.dictionary, 'overlap', a) ?? 'settings.overlapIou';
}

function pairName(a: Cuboid, b: Cuboid): string {
  return a.label === b.label ? `two ${a.label} boxes` : `${a.label} and ${b.label}`;
}
