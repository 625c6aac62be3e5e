import { angleDiff } from './sequence/trackAppearances.ts';
import type { ExpectedTrackBox, Rule } from '../CheckContext.ts';
import type { CheckResult, Severity } from '../CheckResult.ts';
import { fmt } from '../formatNumber.ts';
import type { Cuboid } from '../../types.ts';
import { trackName } from '../../sequence/trackName.ts';

/** Centre off the bridge (metres, BEV) from which a box is off its track when both of its boxes are next to the frame; 0.1 m more per frame of span beyond two. */
const POSITION = 0.45;
const POSITION_PER_FRAME = 0.1;
/** Height of the centre off the bridge (metres), and per frame of span beyond 2. */
const HEIGHT = 0.4;
const HEIGHT_PER_FRAME = 0.05;
/** Heading off the bridge (degrees) for a box much longer than wide, and per frame of span beyond 2. */
const HEADING_DEG = 12;
const HEADING_PER_FRAME_DEG = 2;
/** Length over width from which a box's heading is judged (a pedestrian's is not). */
const ELONGATED = 1.4;
/** A side this much shorter or longer than the track's (ratio − 1) is off. */
const SIZE = 0.2;
/** Bridges over more frames than this are too loose to judge a box by. */
const MAX_SPAN = 6;

/**
 * A box of a track disagrees with where the frames around put it (`ctx.expectedTracks`, bridged
 * between the track's boxes before and after as `I` interpolates): its centre is off by more than
 * 0.45 m (BEV) or 0.4 m in height, it is turned by more than 12° (boxes at least 1.4 times as long
 * as wide: a pedestrian's heading is not judged), or a side is 20 % shorter or longer than the
 * track's. The tolerances grow with the frames between the two boxes (0.1 m, 0.05 m and 2° per
 * frame beyond two; bridges over more than 6 frames are not used). A warning at the tolerance; an
 * error at twice the tolerance in place, height or heading (a size alone stays a warning: a box
 * cut to the visible part of an object the scan truncates changes size). The warning is placement
 * evidence (`corroborate`).
 */
export const offTrack: Rule = (ctx) => {
  const expected = ctx.expectedTracks ?? [];
  if (expected.length === 0) return [];
  const byTrack = new Map(expected.map((e) => [e.trackId, e]));
  const out: CheckResult[] = [];
  for (const c of ctx.cuboids) {
    if (c.trackId === null || (ctx.only !== undefined && !ctx.only.has(c.id))) continue;
    const e = byTrack.get(c.trackId);
    if (e === undefined || e.span > MAX_SPAN) continue;
    const r = judge(c, e);
    if (r !== null) out.push(r);
  }
  return out;
};

function judge(c: Cuboid, e: ExpectedTrackBox): CheckResult | null {
  const extra = Math.max(0, e.span - 2);
  const b = e.box;
  const tolPos = POSITION + POSITION_PER_FRAME * extra;
  const tolZ = HEIGHT + HEIGHT_PER_FRAME * extra;
  const tolYaw = ((HEADING_DEG + HEADING_PER_FRAME_DEG * extra) * Math.PI) / 180;
  const off = Math.hypot(c.center[0] - b.center[0], c.center[1] - b.center[1]);
  const dz = c.center[2] - b.center[2];
  const judgeHeading = b.size[0] >= ELONGATED * b.size[1] && c.size[0] >= ELONGATED * c.size[1];
  const turn = judgeHeading ? Math.abs(angleDiff(b.yaw, c.yaw)) : 0;
  const sizeOff = Math.max(...[0, 1, 2].map((k) => Math.abs(c.size[k] / b.size[k] - 1)));
  const parts: string[] = [];
  let severity: Severity | null = null;
  const note = (bad: boolean, twice: boolean, text: string): void => {
    if (!bad) return;
    parts.push(text);
    severity = twice || severity === 'error' ? 'error' : 'warning';
  };
  note(off > tolPos, off > 2 * tolPos, `${fmt(off, 1)} m off where they put it (${fmt(b.center[0], 1)}, ${fmt(b.center[1], 1)})`);
  note(Math.abs(dz) > tolZ, Math.abs(dz) > 2 * tolZ, `${fmt(Math.abs(dz), 1)} m ${dz > 0 ? 'higher' : 'lower'}`);
  note(turn > tolYaw, turn > 2 * tolYaw, `turned ${fmt((turn * 180) / Math.PI, 0)}°`);
  note(
    sizeOff > SIZE,
    false,
    `sized ${fmt(c.size[0], 1)} × ${fmt(c.size[1], 1)} × ${fmt(c.size[2], 1)} m against the track's ${fmt(b.size[0], 1)} × ${fmt(b.size[1], 1)} × ${fmt(b.size[2], 1)} m`,
  );
  if (severity === null) return null;
  return {
    ruleId: 'offTrack',
    severity,
    cuboidId: c.id,
    location: null,
    message: `${c.label} box of ${trackName(e.trackId)} disagrees with frames ${e.before} and ${e.after}: ${parts.join(', ')}`,
    dictionaryEntry: 'track-consistency',
  };
}
