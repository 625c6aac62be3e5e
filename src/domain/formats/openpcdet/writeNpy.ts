import { dump } from 'npyjs';

/**
 * A NumPy `.npy` file (format version 1.0, the NumPy docs' `numpy.lib.format`) holding a C-order
 * float32 array of shape `[rows, cols]`, written by npyjs: the magic `\x93NUMPY`, version 1 0, a
 * little-endian uint16 header length, the header dict (`'descr':'<f4'` on little-endian hosts),
 * padded so the data starts at a multiple of 8 bytes (NumPy pads to 64 but `np.load` reads any
 * padding), then the data. `values` has `rows · cols` elements.
 * @throws RangeError when the counts disagree
 */
export function writeNpyFloat32(values: Float32Array, rows: number, cols: number): Uint8Array {
  if (values.length !== rows * cols) throw new RangeError(`writeNpyFloat32: ${values.length} values are not ${rows} × ${cols}`);
  return new Uint8Array(dump(values, [rows, cols]));
}
