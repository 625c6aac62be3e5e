/**
 * Who a user is in the review loop. An annotator draws boxes and submits frames; a reviewer
 * flags boxes and accepts or rejects submitted frames; a lead may do everything (edit the
 * edge-case dictionary, export, read metrics, reassign frames). Without configured users the
 * server runs single-user and everyone is an implicit lead.
 */
export const ROLES = ['annotator', 'reviewer', 'lead'] as const;

export type Role = (typeof ROLES)[number];

/** Whether `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Valid user names: 1-64 letters, digits, `_`, `.`, `@` or `-` (safe in logs, CSV and headers). */
export const USER_NAME_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

/** Whether `name` is a valid user name. */
export function isValidUserName(name: unknown): name is string {
  return typeof name === 'string' && USER_NAME_PATTERN.test(name);
}
