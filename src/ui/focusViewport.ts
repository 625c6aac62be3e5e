/** The attribute that marks the focusable viewport (the workspace around the WebGL canvas). */
export const VIEWPORT_ATTRIBUTE = 'data-viewport';

/**
 * Hands the keyboard back to the viewport: `field` (when given and focused) loses focus, and the
 * viewport takes it, so the next key press reaches the shortcuts. `root` is the editor the field
 * belongs to (default: the document's first viewport). No-op where there is no viewport (the login page).
 */
export function focusViewport(field?: Element | null, root?: ParentNode | null): void {
  if (field instanceof HTMLElement && document.activeElement === field) field.blur();
  const viewport = (root ?? document).querySelector<HTMLElement>(`[${VIEWPORT_ATTRIBUTE}]`);
  viewport?.focus({ preventScroll: true });
}
