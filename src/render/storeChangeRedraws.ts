import type { AppState } from '../state/AppState.ts';
import { mergeShowsDiffer } from './mergeShowsDiffer.ts';

/**
 * Parts of the store that only panels show: the review and session panels, the frame list and its
 * check counts, the SOP panel, messages and the help overlay, the save status. The check sweep
 * fills one frame's counts at a time, every quarter second or so for each frame of the dataset: a
 * redraw for each kept a software renderer drawing the whole open frame for 10 s and more after
 * it opened (about 110 ms of CPU each, 120k points), and a merge asked for meanwhile drew its first
 * view behind them.
 */
const PANEL_ONLY: ReadonlySet<keyof AppState> = new Set<keyof AppState>(['review', 'session', 'frames', 'framesError', 'checkSummary', 'sop', 'ui', 'save']);

/**
 * Whether a store change may change what the canvas draws (it renders on demand: `RedrawOnChange`).
 * Merge progress counts only where it changes the clouds drawn (`mergeShowsDiffer`), the checks'
 * only where their findings change.
 */
export function storeChangeRedraws(s: AppState, prev: AppState): boolean {
  for (const key of Object.keys(s) as (keyof AppState)[]) {
    if (s[key] === prev[key] || PANEL_ONLY.has(key)) continue;
    if (key === 'merge' && !mergeShowsDiffer(s.merge, prev.merge)) continue;
    // The canvas draws the checks' findings, not their progress (preparing, running, timings).
    if (key === 'checks' && s.checks.results === prev.checks.results) continue;
    return true;
  }
  return false;
}
