/**
 * A JSON parser's error for people: its message with the line and column it points at, where the
 * message gives a position ("… in JSON at position 812") or the text ends early ("Unexpected end
 * of JSON input": the file is cut short). A multi-line table's syntax error was otherwise hard to
 * find ("not JSON (Unexpected end of JSON input)").
 */
export function jsonSyntaxError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(message);
  if (at !== null) return `${message.replace(/ in JSON at position \d+.*$/, '')} at ${lineAndColumn(text, Number(at[1]))}`;
  if (/Unexpected end of JSON input/.test(message)) {
    return text.trim() === '' ? 'the file is empty' : `the text ends before the JSON does, at ${lineAndColumn(text, text.length)}: is the file cut short?`;
  }
  return message;
}

/** "line L, column C (byte B)" of a UTF-16 offset (1-based line and column). */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}
