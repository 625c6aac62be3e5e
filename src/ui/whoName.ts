/**
 * How the UI names the user behind a mark or a review step: "you" when it is the signed-in user
 * (or, in single-user mode, the one user, whose name "local" means nothing to them), else the
 * recorded name ("local", seen once users exist, is the single user of before), else `fallback`.
 */
export function whoName(name: string | null | undefined, me: string | null | undefined, fallback: string): string {
  if (name === undefined || name === null || name === '') return fallback;
  if (me !== undefined && me !== null && name === me) return 'you';
  // Marks made in single-user mode, before the team's users were set up.
  return name === SINGLE_USER ? 'the single user (before log-ins)' : name;
}

/**
 * A role holder's name as the review panel shows it: "ann", "ann (you)" for the signed-in user,
 * and "you" for single-user mode's one user, "local".
 */
export function holderName(name: string, me: string | null | undefined): string {
  if (me === undefined || me === null || name !== me) return name;
  return name === SINGLE_USER ? 'you' : `${name} (you)`;
}

/** The name single-user mode gives its one user (`server/auth/installAuth.ts`). */
const SINGLE_USER = 'local';
