import { useFrame } from '@react-three/fiber';

/**
 * Clears the whole canvas at the start of every frame, before the views draw. Each drei `View`
 * renders with `autoClear` off into its own scissor rectangle, and the canvas keeps its drawing
 * buffer between frames (`preserveDrawingBuffer`, so the picture can be read back), so without
 * this every redraw was painted over the last one: orbiting left trails, translucent box fills
 * grew opaque, and a view switch showed both pictures.
 */
export function ClearCanvas() {
  // Negative priority: runs before the views (priority 1 and up) on every frame.
  useFrame(({ gl }) => {
    gl.setScissorTest(false);
    gl.clear(true, true, true);
  }, -1);
  return null;
}
