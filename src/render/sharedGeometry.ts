/**
 * A geometry (or any three.js object) shared by every view and every editor on the page, made on
 * first use: importing a component creates nothing, and a page that never shows it never pays for it.
 * Shared objects are never disposed (`dispose={null}` on the meshes that use them).
 */
export function sharedGeometry<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
