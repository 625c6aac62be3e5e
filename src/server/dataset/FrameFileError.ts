/** A problem with a dataset file that the user must fix (bad calib, unreadable label). */
export class FrameFileError extends Error {
  readonly code: 'calib_invalid' | 'label_invalid';
  constructor(code: 'calib_invalid' | 'label_invalid', message: string) {
    super(message);
    this.name = 'FrameFileError';
    this.code = code;
  }
}
