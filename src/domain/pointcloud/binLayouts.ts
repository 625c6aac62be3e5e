/**
 * Point layouts of raw float32 `.bin` point files (no header: the layout must be known or
 * detected). Every record is `floats` little-endian float32 values: x y z (LiDAR frame, metres),
 * then the layout's attributes in file order.
 */

/** The attribute a column after x y z holds. */
export type BinAttribute = 'intensity' | 'ring' | 'time';

/** Names of the known layouts. */
export const BIN_LAYOUT_NAMES = ['xyz', 'xyzi', 'xyzir', 'xyzit', 'xyzirt'] as const;
export type BinLayoutName = (typeof BIN_LAYOUT_NAMES)[number];

export interface BinLayout {
  name: BinLayoutName;
  /** float32 values per point. */
  floats: number;
  /** Bytes per point (`floats * 4`). */
  bytes: number;
  /** The columns after x y z, in file order. */
  attributes: readonly BinAttribute[];
  /** Where the layout is found, for messages. */
  usedBy: string;
}

function layout(name: BinLayoutName, attributes: BinAttribute[], usedBy: string): BinLayout {
  return { name, floats: 3 + attributes.length, bytes: 4 * (3 + attributes.length), attributes, usedBy };
}

/**
 * The layout table. `intensity` is the return strength as the sensor reports it (KITTI 0..1,
 * nuScenes and most drivers 0..255); `ring` is the laser (beam) index, a whole number stored as
 * float; `time` is the point's time offset within the sweep (seconds in most datasets).
 */
export const BIN_LAYOUTS: Readonly<Record<BinLayoutName, BinLayout>> = {
  xyz: layout('xyz', [], 'bare xyz dumps'),
  xyzi: layout('xyzi', ['intensity'], 'KITTI velodyne'),
  xyzir: layout('xyzir', ['intensity', 'ring'], 'nuScenes .pcd.bin'),
  xyzit: layout('xyzit', ['intensity', 'time'], 'per-point time dumps'),
  xyzirt: layout('xyzirt', ['intensity', 'ring', 'time'], 'ring and time dumps'),
};

/** The layout a `.bin` file is read with when nothing says otherwise (KITTI). */
export const DEFAULT_BIN_LAYOUT: BinLayoutName = 'xyzi';

export function isBinLayoutName(text: unknown): text is BinLayoutName {
  return typeof text === 'string' && (BIN_LAYOUT_NAMES as readonly string[]).includes(text);
}

/** "x y z intensity ring": the columns of a layout, for messages. */
export function describeBinLayout(name: BinLayoutName): string {
  return ['x', 'y', 'z', ...BIN_LAYOUTS[name].attributes].join(' ');
}

/**
 * Parses a layout name given by a user (`--bin-layout`, a dataset file).
 * @throws Error naming `where` and the accepted names
 */
export function parseBinLayoutName(text: unknown, where: string): BinLayoutName {
  if (isBinLayoutName(text)) return text;
  const names = BIN_LAYOUT_NAMES.map((n) => `${n} (${BIN_LAYOUTS[n].bytes} B: ${describeBinLayout(n)})`).join(', ');
  throw new Error(`${where}: ${JSON.stringify(text)} is not a point layout; expected one of ${names}`);
}

/**
 * The layout a file name fixes: nuScenes names its sweeps `*.pcd.bin` (x y z intensity ring).
 * Null when the name says nothing (a plain `.bin`).
 */
export function binLayoutForFileName(fileName: string): BinLayoutName | null {
  return fileName.toLowerCase().endsWith('.pcd.bin') ? 'xyzir' : null;
}

/** Layouts whose record size divides `byteLength` (a 0-byte file fits all), in table order. */
export function layoutsFittingSize(byteLength: number): BinLayoutName[] {
  return BIN_LAYOUT_NAMES.filter((n) => byteLength % BIN_LAYOUTS[n].bytes === 0);
}
