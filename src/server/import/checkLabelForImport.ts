import { classNameProblem, quoteClassName } from '../../domain/document/className.ts';
import { MAX_ITEMS_PER_FRAME } from '../../domain/document/validateAnnotation.ts';
import type { KittiObject } from '../../domain/kitti/KittiObject.ts';

/**
 * Holds a parsed `label_2` file to the rules a save is held to, so that a frame imported (on
 * first open or by `cuboid import`) can always be saved again: every class name passes
 * `className.ts`, and the file holds at most `MAX_ITEMS_PER_FRAME` boxes and as many DontCare
 * regions. `objects` are `parseKittiLabel(text)`: one per non-blank line, in order.
 * @throws Error naming the file, the line and the rule
 */
export function checkLabelForImport(text: string, objects: readonly KittiObject[], fileName: string): void {
  const lines = objectLines(text);
  let boxes = 0;
  let dontCare = 0;
  objects.forEach((o, i) => {
    const where = `${fileName} line ${lines[i] ?? i + 1}`;
    const problem = classNameProblem(o.type);
    if (problem !== null) throw new Error(`${where}: class ${quoteClassName(o.type)}: ${problem}`);
    if (o.type === 'DontCare') dontCare++;
    else boxes++;
    if (boxes > MAX_ITEMS_PER_FRAME || dontCare > MAX_ITEMS_PER_FRAME) {
      const what = boxes > MAX_ITEMS_PER_FRAME ? 'boxes' : 'DontCare regions';
      throw new Error(`${where}: more than ${MAX_ITEMS_PER_FRAME} ${what} in one frame, the most a frame can save`);
    }
  });
}

/**
 * Whether `objects` appended to a frame holding `boxes` boxes and `dontCare` DontCare regions
 * leave a frame that can still be saved (at most `MAX_ITEMS_PER_FRAME` of each).
 * @throws Error naming the file and the counts
 */
export function checkAppendFits(objects: readonly KittiObject[], fileName: string, has: { boxes: number; dontCare: number }): void {
  const addDontCare = objects.filter((o) => o.type === 'DontCare').length;
  const addBoxes = objects.length - addDontCare;
  for (const [what, add, now] of [
    ['boxes', addBoxes, has.boxes],
    ['DontCare regions', addDontCare, has.dontCare],
  ] as const) {
    if (now + add > MAX_ITEMS_PER_FRAME) {
      throw new Error(`${fileName}: appending ${add} ${what} to the ${now} the frame has makes more than ${MAX_ITEMS_PER_FRAME}, the most a frame can save`);
    }
  }
}

/** The 1-based line number of each non-blank line (each parsed object), as `parseKittiLabel` reads them. */
function objectLines(text: string): number[] {
  const out: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() !== '') out.push(i + 1);
  });
  return out;
}
