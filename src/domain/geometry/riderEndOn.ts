/** Slack (metres) beyond the seen width that a rider's box may stick out across the line of sight (shoulders, handlebars). */
const ACROSS_SLACK = 0.5;
/** Share of the box's width that the bicycle in the lower half fills across the line of sight. */
const LOWER_WIDTH_SHARE = 0.5;

/**
 * Whether a rider boxed along `angle` would stand wider across the line of sight (`los`, radians)
 * than its returns do, by more than 0.5 m: then the spread along `angle` is noise on a back seen
 * from behind or ahead, and the rider heads along the line of sight. The box's width there counts
 * the class's least length and half its width (the bicycle, a line along the length, in the lower
 * half); the returns' width is that of their lower half (second-outermost each way), or of all of
 * them when the lower half has fewer than three. `xs`, `ys`: positions about their mean; `zs`:
 * heights; `bottom`: the ground under them (metres).
 */
export function riderEndOn(
  xs: Float64Array,
  ys: Float64Array,
  zs: Float64Array,
  bottom: number,
  los: number,
  angle: number,
  length: number,
  width: number,
): boolean {
  const n = xs.length;
  let top = -Infinity;
  for (let k = 0; k < n; k++) top = Math.max(top, zs[k]);
  const mid = bottom + (top - bottom) / 2;
  const px = -Math.sin(los);
  const py = Math.cos(los);
  const lower: number[] = [];
  const all: number[] = [];
  for (let k = 0; k < n; k++) {
    const a = xs[k] * px + ys[k] * py;
    all.push(a);
    if (zs[k] <= mid) lower.push(a);
  }
  const across = lower.length >= 3 ? lower : all;
  if (across.length < 3) return false;
  across.sort((a, b) => a - b);
  const seen = across[across.length - 2] - across[1];
  const boxWidth = length * Math.abs(Math.sin(angle - los)) + LOWER_WIDTH_SHARE * width * Math.abs(Math.cos(angle - los));
  return boxWidth > seen + ACROSS_SLACK;
}
