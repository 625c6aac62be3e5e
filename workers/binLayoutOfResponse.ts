import { DEFAULT_BIN_LAYOUT, isBinLayoutName, type BinLayoutName } from '../src/domain/pointcloud/binLayouts.ts';

/**
 * The point layout of a `.bin` response: the server's `X-Cuboid-Bin-Layout` (declared, named
 * `.pcd.bin` or detected for the dataset), with its `X-Cuboid-Bin-Layout-Note` when detection
 * had a choice to make. A response without the header (or with an unknown name) is KITTI `xyzi`.
 */
export function binLayoutOfResponse(response: Response): { layout: BinLayoutName; note: string | null } {
  const named = response.headers.get('x-cuboid-bin-layout');
  const layout = isBinLayoutName(named) ? named : DEFAULT_BIN_LAYOUT;
  return { layout, note: response.headers.get('x-cuboid-bin-layout-note') };
}
