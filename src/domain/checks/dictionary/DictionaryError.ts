/**
 * The error thrown when a dictionary is not valid. The message starts with the function and the
 * file, then the JSON path of every problem, e.g.
 * `parseDictionary (dictionary.json): classes.Car.size.l[1]: Invalid input: expected number`.
 */
export class DictionaryError extends Error {
  readonly fileName?: string;
  /** One entry per problem: its JSON path (`classes.Car.size.l[1]`, `` for the root) and text. */
  readonly issues: { path: string; message: string }[];

  constructor(message: string, issues: { path: string; message: string }[], fileName?: string) {
    super(message);
    this.name = 'DictionaryError';
    this.issues = issues;
    if (fileName !== undefined) this.fileName = fileName;
  }
}

/** Formats a path like `['classes', 'Car', 'size', 'l', 1]` as `classes.Car.size.l[1]`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out === '' ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}
