const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads `[width, height]` in pixels from a PNG's IHDR chunk (the first chunk, bytes 8–23), or
 * returns `null` when the bytes are not a PNG (bad signature, no IHDR, too short, zero size).
 * Only the first 24 bytes are needed, so a prefix of the file is enough.
 */
export function readPngSize(bytes: Uint8Array): [number, number] | null {
  if (!(bytes instanceof Uint8Array) || bytes.length < 24) return null;
  for (let i = 0; i < 8; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return null;
  // Chunk length 13, then the type "IHDR".
  if (bytes[12] !== 0x49 || bytes[13] !== 0x48 || bytes[14] !== 0x44 || bytes[15] !== 0x52) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 24);
  const width = dv.getUint32(16, false);
  const height = dv.getUint32(20, false);
  return width > 0 && height > 0 ? [width, height] : null;
}
