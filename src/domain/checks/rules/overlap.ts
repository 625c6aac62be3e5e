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
 * At most 5 overlaps are listed per box; one more error on that box says how many others it
 * overlaps (boxes stacked by the thousand would otherwise make millions of findings).
 */
export const overlap: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const boxes = ctx.cuboids;
  const only = ctx.only;
  const isTarget = only === undefined ? undefined : (i: number) => only.has(boxes[i].id);
  const { overlapIou, duplicateIou } = ctx.dictionary.settings;
  const listed = new Map<string, number>();
  const unlisted = new Map<string, Cuboid>();
  const more = new Map<string, number>();
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
      const shown = listed.get(self.id) ?? 0;
      if (shown >= MAX_LISTED) {
        unlisted.set(self.id, self);
        more.set(self.id, (more.get(self.id) ?? 0) + 1);
        continue;
      }
      listed.set(self.id, shown + 1);
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
  for (const [id, self] of unlisted) {
    const n = more.get(id)!;
    out.push({
      ruleId: 'overlap',
      severity: 'error',
      cuboidId: id,
      location: null,
      message: `${self.label} box also overlaps ${n} more ${n === 1 ? 'box' : 'boxes'} beyond the ${MAX_LISTED} listed`,
      dictionaryEntry: edgeCaseForRule(ctx.dictionary, 'overlap', self.label) ?? 'settings.overlapIou',
    });
  }
  return out;
};

/** Overlaps listed per box; the rest are counted in one more finding. */
const MAX_LISTED = 5;

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
