/**
 * The error of `domain/formats`: a label file that is not what its format says. The message names
 * the file, then where in it (line, JSON path or row) and the field, e.g.
 * `openlabel.json: openlabel.frames["3"].objects["7"]: object "7" is not declared in openlabel.objects`.
 */
export class FormatError extends Error {
  readonly file: string;
  readonly field?: string;
  constructor(message: string, file: string, field?: string) {
    super(message);
    this.name = 'FormatError';
    this.file = file;
    if (field !== undefined) this.field = field;
  }
}

/** Builds a `FormatError` whose message is `file: where: detail` (`where` left out when empty). */
export function formatError(file: string, where: string, detail: string, field?: string): FormatError {
  return new FormatError(`${file}: ${where === '' ? '' : `${where}: `}${detail}`, file, field);
}
