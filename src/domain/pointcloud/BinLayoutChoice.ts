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
  const warning =
    sizes.size > 1 || !d.confident
      ? `${what} read as ${d.chosen} by detection (${d.fits.join(', ')} fit the file size${d.confident ? '' : '; not certain'}): ${d.reason}`
      : null;
  return { name: d.chosen, source: 'detected', detail, warning };
}
