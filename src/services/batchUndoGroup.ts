/**
 * One `I` in the batch view writes several frames; each tile keeps its own undo history. This
 * remembers the frames the last multi-frame edit wrote, while no other edit came after, so that
 * `Ctrl+Z` on any of their tiles undoes it in all of them (and `Ctrl+Shift+Z` then redoes it so).
 */
export interface BatchUndoGroup {
  /** Runs `write` as the group's edits (the edits it makes do not end the group); `frames` are those it changed. */
  record(write: () => Promise<string[]>): Promise<string[]>;
  /** Called by every edit: one outside `record` ends the group. */
  edited(): void;
  /** Undoes `frameId`'s last step, or the whole group when it holds that frame. */
  undo(frameId: string): void;
  redo(frameId: string): void;
}

export function createBatchUndoGroup(opts: {
  /** Undoes / redoes one frame's last step; false when it had none. */
  undoOne: (frameId: string) => boolean;
  redoOne: (frameId: string) => boolean;
  message: (text: string, level: 'info') => void;
}): BatchUndoGroup {
  let group: { frames: string[]; undone: boolean } | null = null;
  let recording = false;
  return {
    async record(write) {
      group = null;
      recording = true;
      let frames: string[];
      try {
        frames = await write();
      } finally {
        recording = false;
      }
      if (frames.length > 1) group = { frames, undone: false };
      return frames;
    },
    edited() {
      if (!recording) group = null;
    },
    undo(frameId) {
      if (group !== null && !group.undone && group.frames.includes(frameId)) {
        for (const f of group.frames) opts.undoOne(f);
        group.undone = true;
        opts.message(`Undid the interpolation in ${group.frames.length} frames (${group.frames.join(', ')}).`, 'info');
        return;
      }
      group = null;
      if (!opts.undoOne(frameId)) opts.message(`Nothing to undo in frame ${frameId}.`, 'info');
    },
    redo(frameId) {
      if (group !== null && group.undone && group.frames.includes(frameId)) {
        for (const f of group.frames) opts.redoOne(f);
        group.undone = false;
        opts.message(`Redid the interpolation in ${group.frames.length} frames.`, 'info');
        return;
      }
      group = null;
      if (!opts.redoOne(frameId)) opts.message(`Nothing to redo in frame ${frameId}.`, 'info');
    },
  };
}
