const HINTS: Readonly<Record<string, string>> = {
  select: 'Select — click a box, drag to move, drag a handle to resize or turn',
  draw: 'Draw — drag a rectangle on the ground in the top or main view',
  fit: 'Fit — click an object to box it',
};

/**
 * What the active tool does, in words, from its state path (`select.translating` → the select
 * tool's hint). A tool without a hint shows its id.
 */
export function toolHintText(path: string): string {
  const tool = path.split('.')[0];
  return HINTS[tool] ?? tool;
}
