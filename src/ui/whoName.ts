/**
 * How the UI names the user behind a mark or a review step: "you" when it is the signed-in user
 * (or, in single-user mode, the one user, whose name "local" means nothing to them), else the
 * recorded name, else `fallback`.
 */
export function whoName(name: string | null | undefined, me: string | null | undefined, fallback: string): string {
  if (name === undefined || name === null || name === '') return fallback;
  return me !== undefined && me !== null && name === me ? 'you' : name;
}
