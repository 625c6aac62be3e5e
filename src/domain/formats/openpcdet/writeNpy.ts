/**
 * A NumPy `.npy` file (format version 1.0, the NumPy docs' `numpy.lib.format`) holding a C-order
 * float32 little-endian array of shape `[rows, cols]`: the 6-byte magic `\x93NUMPY`, version
 * bytes 1 0, a little-endian uint16 header length, the header dict
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), }` padded with spaces and
 * ended by `\n` so the data starts at a multiple of 64 bytes, then the data.
 * `values` has `rows · cols` elements.
 * @throws RangeError when the counts disagree
 */
export function writeNpyFloat32(values: Float32Array, rows: number, cols: number): Uint8Array {
  if (values.length !== rows * cols) throw new RangeError(`writeNpyFloat32: ${values.length} values are not ${rows} × ${cols}`);
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + values.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const data = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) out.set(data, 10 + header.length);
  else {
    const dv = new DataView(out.buffer, 10 + header.length);
    for (let i = 0; i < values.length; i++) dv.setFloat32(i * 4, values[i], true);
  }
  return out;
}
