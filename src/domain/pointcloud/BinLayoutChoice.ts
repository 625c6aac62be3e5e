import { BIN_LAYOUTS, describeBinLayout, type BinLayoutName } from './binLayouts.ts';
import type { BinLayoutDetection } from './detectBinLayout.ts';

/** Where a `.bin` layout came from, strongest first: `--bin-layout`, the dataset file, the file name, detection. */
export type BinLayoutSource = 'flag' | 'dataset-file' | 'file-name' | 'detected';

/** The layout `.bin` points are read with, and why (sent to the browser in `DatasetInfo`). */
export interface BinLayoutChoice {
  name: BinLayoutName;
  source: BinLayoutSource;
  /** One ASCII sentence for people: the layout, its columns and what decided it. */
  detail: string;
  /**
   * Set when the choice deserves a look: several layouts fit the size and detection picked one,
   * or the picked reading is not clearly plausible. Null for a declared or unambiguous layout.
   */
  warning: string | null;
}

function head(name: BinLayoutName): string {
  return `${name} (${describeBinLayout(name)}, ${BIN_LAYOUTS[name].bytes} B per point)`;
}

/** A layout the user or the file name declared; `by` says where ("--bin-layout", a file path, ...). */
export function declaredChoice(name: BinLayoutName, source: Exclude<BinLayoutSource, 'detected'>, by: string): BinLayoutChoice {
  return { name, source, detail: `${head(name)}: ${by}`, warning: null };
}

/** The choice a detection made; warns when more than one record size fit or it is not confident. */
export function detectedChoice(d: BinLayoutDetection, what: string): BinLayoutChoice {
  const sizes = new Set(d.fits.map((n) => BIN_LAYOUTS[n].bytes));
  const detail = `${head(d.chosen)}: detected, ${d.reason}`;
  // A sure pick is said in one line (the best reading beside the next); the whole comparison is in
  // `detail` (`cuboid inspect`, the dataset info). An unsure one gets the whole comparison.
  const warning =
    sizes.size > 1 || !d.confident
      ? `${what} read as ${d.chosen} by detection (${d.fits.join(', ')} fit the file size${d.confident ? '' : '; not certain'}): ${d.confident ? shortReason(d) : d.reason}`
      : null;
  return { name: d.chosen, source: 'detected', detail, warning };
}

/** "xyzi 100% plausible, the next (xyz) 74%; declare the layout (--bin-layout or cuboid.json) to skip the detection". */
function shortReason(d: BinLayoutDetection): string {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const top = d.scores.find((x) => x.name === d.chosen);
  const next = d.scores.find((x) => x.name !== d.chosen);
  return (
    `${d.chosen} ${top !== undefined ? pct(top.score) : '?'} plausible` +
    (next !== undefined ? `, the next (${next.name}) ${pct(next.score)}` : '') +
    '; declare the layout (--bin-layout or cuboid.json) to skip the detection'
  );
}
