import { BIN_LAYOUTS, binLayoutForFileName, layoutsFittingSize, type BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import { declaredChoice, detectedChoice, type BinLayoutChoice } from '../../domain/pointcloud/BinLayoutChoice.ts';
import { BinLayoutError, detectBinLayout, noLayoutFits } from '../../domain/pointcloud/detectBinLayout.ts';
import { readPrefix } from './readPrefix.ts';

/** Reads the first bytes of a file by its ref (a local path by default; the dataset's source in a scan). */
export type PrefixReader = (ref: string, length: number) => Promise<Uint8Array>;

/** A `.bin` point file of the scan. */
export interface BinFile {
  path: string;
  bytes: number;
}

/** A layout the user declared, and where (`--bin-layout`, or the dataset file's path). */
export interface DeclaredLayout {
  name: BinLayoutName;
  source: 'flag' | 'dataset-file';
  by: string;
}

/** Bytes read from the start of a sampled file (4 MiB: ~200k records, more than a typical sweep). */
const SAMPLE_BYTES = 4 * 1024 * 1024;
/** Files sampled per decision (first, middle and last by path). */
const SAMPLED_FILES = 3;

/**
 * The layout of every `.bin` file of a dataset. A declared layout wins; then a `.pcd.bin` name
 * (nuScenes `xyzir`); the rest is detected once for the dataset (one sensor): the layouts that fit
 * every file's size are scored on a few of them (`detectBinLayout`). When no layout fits every
 * size, the largest group of files with the same fitting layouts is decided first; a group of at
 * most half as many files that does not fit its layout keeps it with an error (a cut-short file:
 * reading it then fails, naming the trailing bytes); larger groups are decided on their own (two
 * sensors in one folder); a file whose size fits none keeps the default and its choice carries
 * the error.
 */
export async function chooseBinLayouts(
  files: readonly BinFile[],
  declared: DeclaredLayout | null,
  read: PrefixReader = readPrefix,
): Promise<Map<string, BinLayoutChoice>> {
  const out = new Map<string, BinLayoutChoice>();
  const undeclared: BinFile[] = [];
  // A declared layout is obeyed, and checked against the points: one that reads them as garbage
  // while another layout reads them plausibly gets a warning (never a silent misread).
  const declaredPick = declared === null || files.length === 0 ? null : await checkDeclared(declared, files, read);
  for (const f of files) {
    const byName = binLayoutForFileName(f.path);
    if (declaredPick !== null) out.set(f.path, declaredPick);
    else if (byName !== null) out.set(f.path, declaredChoice(byName, 'file-name', 'the file name ends in .pcd.bin (nuScenes)'));
    else undeclared.push(f);
  }
  if (undeclared.length === 0) return out;
  const common = undeclared.reduce<BinLayoutName[] | null>((acc, f) => {
    const own = layoutsFittingSize(f.bytes);
    return acc === null ? own : acc.filter((n) => own.includes(n));
  }, null);
  const groups = new Map<string, BinFile[]>();
  if (common !== null && common.length > 0) groups.set('all', undeclared);
  else {
    for (const f of undeclared) {
      const key = layoutsFittingSize(f.bytes).join(',');
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
  }
  // Without a layout common to all, the largest group's layout is the sensor's, and every file
  // whose size fits it is read so. Files that do not fit it, at most half as many as those that
  // do, are cut short (or from another sensor): they keep the sensor's layout and its error,
  // instead of a reading of misaligned records.
  const largest = [...groups.entries()].filter(([key]) => key !== '').sort((a, b) => b[1].length - a[1].length)[0];
  const main = largest !== undefined && groups.size > 1 ? await detectGroup(largest[1], undeclared.length, read) : null;
  const fitting = main === null ? 0 : undeclared.filter((f) => layoutsFittingSize(f.bytes).includes(main.name)).length;
  for (const [key, group] of groups) {
    // Sizes that fit the sensor's layout are read that way (one sensor, one layout).
    if (main !== null && key !== '' && key.split(',').includes(main.name)) {
      for (const f of group) out.set(f.path, main);
      continue;
    }
    if (main !== null && key !== '' && 2 * group.length <= fitting) {
      const size = BIN_LAYOUTS[main.name].bytes;
      for (const f of group) {
        const message =
          `${baseName(f.path)}: size ${f.bytes} bytes is not a whole number of ${main.name} records (${size} bytes each, the layout of ` +
          `the dataset's other ${fitting} .bin files; ${f.bytes % size} trailing bytes at byte offset ${f.bytes - (f.bytes % size)}): ` +
          'cut short, or from another sensor (--bin-layout reads every file one way)';
        out.set(f.path, { name: main.name, source: 'detected', detail: message, warning: message });
      }
      continue;
    }
    if (key === '') {
      for (const f of group) {
        const message = noLayoutFits(baseName(f.path), f.bytes).message;
        out.set(f.path, { name: 'xyzi', source: 'detected', detail: message, warning: message });
      }
      continue;
    }
    const choice = await detectGroup(group, undeclared.length, read);
    for (const f of group) out.set(f.path, choice);
  }
  return out;
}

async function detectGroup(group: BinFile[], total: number, read: PrefixReader): Promise<BinLayoutChoice> {
  const sorted = [...group].sort((a, b) => (a.path < b.path ? -1 : 1));
  const picks = [...new Set([0, Math.floor(sorted.length / 2), sorted.length - 1])].slice(0, SAMPLED_FILES).map((i) => sorted[i]);
  const what =
    group.length === total ? `the dataset's ${group.length} .bin file${group.length === 1 ? '' : 's'}` : `${group.length} of the dataset's .bin files`;
  try {
    const samples = await Promise.all(
      picks.map(async (f) => ({ fileName: baseName(f.path), fileSize: f.bytes, bytes: await read(f.path, Math.min(f.bytes, SAMPLE_BYTES)) })),
    );
    return detectedChoice(detectBinLayout(samples), what);
  } catch (err) {
    // An unreadable file or a size no layout fits: keep the default; reading the frame then names the problem.
    const message =
      err instanceof BinLayoutError
        ? err.message
        : `could not sample ${what} to detect their point layout: ${err instanceof Error ? err.message : String(err)}`;
    return { name: 'xyzi', source: 'detected', detail: message, warning: message };
  }
}

/**
 * A declared layout is questioned when it reads the points below this plausibility (0–1,
 * `scoreBinLayout`; right layouts score 0.9–1) and another reads them at least DOUBT_MARGIN better.
 */
const DOUBTFUL = 0.8;
const DOUBT_MARGIN = 0.2;

/**
 * The declared layout's choice, with a warning when a sample of the files reads plainly as another
 * layout (detection confident) and poorly as the declared one. Sampling problems leave it alone.
 */
async function checkDeclared(declared: DeclaredLayout, files: readonly BinFile[], read: PrefixReader): Promise<BinLayoutChoice> {
  const choice = declaredChoice(declared.name, declared.source, `set by ${declared.by}`);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  const picks = [...new Set([0, Math.floor(sorted.length / 2), sorted.length - 1])].map((i) => sorted[i]);
  try {
    const samples = await Promise.all(
      picks.map(async (f) => ({ fileName: baseName(f.path), fileSize: f.bytes, bytes: await read(f.path, Math.min(f.bytes, SAMPLE_BYTES)) })),
    );
    const d = detectBinLayout(samples);
    if (!d.confident || d.chosen === declared.name) return choice;
    const own = d.scores.find((x) => x.name === declared.name);
    const top = d.scores.find((x) => x.name === d.chosen);
    if (own !== undefined && (own.score >= DOUBTFUL || (top?.score ?? 0) - own.score < DOUBT_MARGIN)) return choice;
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    const why =
      own === undefined
        ? `its ${BIN_LAYOUTS[declared.name].bytes}-byte records do not fit the file sizes`
        : `as ${declared.name} they are ${pct(own.score)} plausible`;
    return {
      ...choice,
      warning:
        `${declared.by} declares ${declared.name} for the .bin files, but they read as ${d.chosen} (${top !== undefined ? pct(top.score) : '?'} plausible) ` +
        `and ${why}: check the declared layout (the points are read as declared)`,
    };
  } catch {
    return choice;
  }
}

/** The last part of a ref (a path or an `s3://` URL). */
function baseName(ref: string): string {
  return ref.slice(Math.max(ref.lastIndexOf('/'), ref.lastIndexOf('\\')) + 1);
}
