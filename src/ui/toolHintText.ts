const HINTS: Readonly<Record<string, string>> = {
  select: 'Select — click a box, drag to move, drag a handle to resize or turn',
  draw: 'Draw — drag a rectangle on the ground in the top or main view',
  fit: 'Fit — click an object to box it',
};

/**
 * What the active tool does, in words, from its state path (`select.translating` → the select
 * tool's hint). A tool without a hint shows its id. On a frame locked for this user (`locked`, a
 * reviewer's), Select only picks boxes to look at: no editing hints.
 */
export function toolHintText(path: string, locked = false): string {
  const tool = path.split('.')[0];
  if (locked && tool === 'select') return 'Select — click a box to look at it (this frame is locked for editing)';
  return HINTS[tool] ?? tool;
}
