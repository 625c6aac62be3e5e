/**
 * The error of `domain/nuscenes`: a table file that is not what the nuScenes v1.0 schema says, or
 * a row that refers to a token no table holds. The message names the file, the row (index and
 * token) and the field, e.g.
 * `sample_annotation.json: row 12 (token "6b…"), field "instance_token": no instance has token "ab…"`.
 */
export class NuscenesError extends Error {
  readonly file: string;
  readonly field?: string;
  readonly row?: number;
  constructor(message: string, where: { file: string; field?: string; row?: number }) {
    super(message);
    this.name = 'NuscenesError';
    this.file = where.file;
    if (where.field !== undefined) this.field = where.field;
    if (where.row !== undefined) this.row = where.row;
  }
}

/** Builds a `NuscenesError` whose message is `file: row N (token "t"), field "f": detail`. */
export function nuscenesError(file: string, where: { row?: number; token?: string; field?: string }, detail: string): NuscenesError {
  const parts: string[] = [];
  if (where.row !== undefined) parts.push(`row ${where.row}${where.token !== undefined ? ` (token "${where.token}")` : ''}`);
  if (where.field !== undefined) parts.push(`field "${where.field}"`);
  const loc = parts.length > 0 ? `${parts.join(', ')}: ` : '';
  return new NuscenesError(`${file}: ${loc}${detail}`, {
    file,
    ...(where.field !== undefined ? { field: where.field } : {}),
    ...(where.row !== undefined ? { row: where.row } : {}),
  });
}
