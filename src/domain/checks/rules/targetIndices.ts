import type { CheckContext } from '../CheckContext.ts';

/** Indices of the boxes a box rule reports on: all, or those in `ctx.only` (incremental runs). */
export function targetIndices(ctx: CheckContext): number[] {
  const out: number[] = [];
  for (let i = 0; i < ctx.cuboids.length; i++) {
    if (ctx.only === undefined || ctx.only.has(ctx.cuboids[i].id)) out.push(i);
  }
  return out;
}
