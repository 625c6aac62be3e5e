import { UsageError } from './exitCodes.ts';
import { BIN_LAYOUT_NAMES, parseBinLayoutName, type BinLayoutName } from '../domain/pointcloud/binLayouts.ts';

/** Help text of `--bin-layout`, shared by every command that reads `.bin` files. */
export const BIN_LAYOUT_HELP =
  `point layout of raw .bin files: ${BIN_LAYOUT_NAMES.join(', ')} ` +
  '(default: cuboid.json in the dataset, xyzir for *.pcd.bin, else detected; xyzi is KITTI)';

/**
 * The `--bin-layout` value, or undefined when not given.
 * @throws UsageError naming the option and the accepted layouts
 */
export function parseBinLayoutOption(text: string | undefined): BinLayoutName | undefined {
  if (text === undefined) return undefined;
  try {
    return parseBinLayoutName(text, '--bin-layout');
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
