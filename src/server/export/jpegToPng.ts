import { encode } from 'fast-png';
import jpeg from 'jpeg-js';

/** Largest image decoded, megapixels (a 12,000 × 8,000 photo): past it the file is refused, not read. */
const MAX_MEGAPIXELS = 100;

/**
 * A JPEG camera image as an 8-bit RGB PNG of the same pixels: OpenPCDet and mmdet3d open
 * `image_2/ID.png` and nothing else. Decoded with jpeg-js, encoded with fast-png.
 * @throws Error saying why when the bytes are not a JPEG jpeg-js can decode (the export's skip
 *   report names the file beside it)
 */
export function jpegToPng(bytes: Uint8Array): Uint8Array {
  let image: { width: number; height: number; data: Uint8Array };
  try {
    image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 2048 });
  } catch (err) {
    throw new Error(`not a JPEG that could be converted to PNG (${err instanceof Error ? err.message : String(err)})`);
  }
  const { width, height, data } = image;
  // RGBA → RGB: the readers' image pipelines take three channels.
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
    rgb[o] = data[i];
    rgb[o + 1] = data[i + 1];
    rgb[o + 2] = data[i + 2];
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 });
}
