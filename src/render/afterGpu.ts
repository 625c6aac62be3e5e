/** A pending `afterGpu` wait; `cancel` drops it (the callback is not called). */
export interface GpuWait {
  cancel(): void;
}

/** How often a pending GPU fence is polled (ms); a poll is one cheap status query. */
const POLL_MS = 8;

/**
 * Calls `done` once the GPU has carried out every command issued so far and in the current task
 * (the frame being rendered now): a WebGL2 fence, polled from timers so the main thread never
 * waits on it. Without WebGL2 fences (WebGL1), `done` runs on the next task. Used to upload more
 * points only once the last frame is drawn (an upload behind a busy GPU blocks the main thread).
 * Not for timing: Chromium reports a fence's status late (a 25k-point frame's fence took 1.4 s to
 * read as signalled in SwiftShader under load), so milestones are stamped at the next animation frame.
 */
export function afterGpu(gl: WebGLRenderingContext | WebGL2RenderingContext, done: () => void): GpuWait {
  let live = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fence: WebGLSync | null = null;
  const finish = (): void => {
    if (fence) (gl as WebGL2RenderingContext).deleteSync(fence);
    fence = null;
    if (live) {
      live = false;
      done();
    }
  };
  const poll = (): void => {
    timer = null;
    if (!live || !fence) return;
    const gl2 = gl as WebGL2RenderingContext;
    if (gl.isContextLost() || gl2.getSyncParameter(fence, gl2.SYNC_STATUS) === gl2.SIGNALED) finish();
    else timer = setTimeout(poll, POLL_MS);
  };
  // The fence goes in after this task (the frame's draw calls are issued by then).
  timer = setTimeout(() => {
    timer = null;
    if (!live) return;
    const gl2 = gl as WebGL2RenderingContext;
    if (typeof gl2.fenceSync !== 'function' || gl.isContextLost()) return finish();
    fence = gl2.fenceSync(gl2.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!fence) return finish();
    gl.flush();
    poll();
  }, 0);
  return {
    cancel() {
      live = false;
      if (timer !== null) clearTimeout(timer);
      if (fence) (gl as WebGL2RenderingContext).deleteSync(fence);
      fence = null;
    },
  };
}
