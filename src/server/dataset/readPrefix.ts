import fs from 'node:fs/promises';

/** Reads the first `length` bytes of a local file (fewer if it is shorter). Dataset files: `readFramePrefix`. */
export async function readPrefix(filePath: string, length: number): Promise<Uint8Array> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buf = new Uint8Array(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
