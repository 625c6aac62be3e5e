import type { Action } from './Action.ts';

function toolAction(id: string, tool: string, label: string, key: string): Action {
  return { id, label, keys: [key], group: 'tools', perform: (ctx) => ctx.tools.setTool(tool) };
}

/** V select/edit, B draw rectangles, F one-click fit. */
export const toolActions: Action[] = [
  toolAction('toolSelect', 'select', 'Select and edit tool', 'v'),
  toolAction('toolDraw', 'draw', 'Draw box tool', 'b'),
  toolAction('toolFit', 'fit', 'One-click fit tool', 'f'),
];
