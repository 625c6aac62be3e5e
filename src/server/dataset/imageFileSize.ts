import { imageSize } from 'image-size';
import { readPngSize } from '../../domain/kitti/readPngSize.ts';
import { readFrameFile, readFramePrefix, type FrameOf } from './frameFiles.ts';

/** Bytes read first from a JPEG: its frame header (SOF) comes after any EXIF block, usually well within. */
const JPEG_PREFIX = 64 * 1024;

/**
 * `[width, height]` in pixels of a camera image (one of the frame's refs) from its header: a PNG's
 * IHDR (32 bytes read), a JPEG's frame header (image-size, on the first 64 KiB, or the whole file
 * when an EXIF block pushes the header past them). Null when the file is neither or does not read
 * as one. Throws only what reading the file throws.
 */
export async function imageFileSize(frame: FrameOf, ref: string): Promise<[number, number] | null> {
  if (/\.png$/i.test(ref)) return readPngSize(await readFramePrefix(frame, ref, 32));
  if (!/\.jpe?g$/i.test(ref)) return null;
  const prefix = await readFramePrefix(frame, ref, JPEG_PREFIX);
  const size = jpegSize(prefix);
  if (size !== null || prefix.byteLength < JPEG_PREFIX) return size;
  return jpegSize(new Uint8Array(await readFrameFile(frame, ref)));
}

function jpegSize(bytes: Uint8Array): [number, number] | null {
  try {
    const s = imageSize(bytes);
    return s.type === 'jpg' && s.width !== undefined && s.height !== undefined && s.width > 0 && s.height > 0 ? [s.width, s.height] : null;
  } catch {
    return null;
  }
}
