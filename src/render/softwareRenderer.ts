/**
 * Point budget on a software renderer (no GPU: SwiftShader, llvmpipe). There every drawn point costs
 * the CPU: headless Chromium with SwiftShader on a 2-core machine drew about 0.65 M points a second
 * whatever the shader (2 M points: 3.0-3.7 s a frame; 250k: 0.35-0.5 s), so a 2 M budget made every
 * redraw of the merged view take seconds. At 0.5 M a redraw takes about 0.75 s there.
 */
export const SOFTWARE_POINT_BUDGET = 500_000;

/** The answer per context: asking the GL is a synchronous round trip to the GPU process, which a busy software renderer holds up. */
const known = new WeakMap<WebGLRenderingContext | WebGL2RenderingContext, boolean>();

/**
 * Whether the context draws in software (its unmasked renderer names SwiftShader, llvmpipe or
 * softpipe). Asked of the GL once per context (when the canvas is made), remembered after.
 */
export function isSoftwareRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  const hit = known.get(gl);
  if (hit !== undefined) return hit;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  const soft = /swiftshader|llvmpipe|softpipe|software/i.test(name);
  known.set(gl, soft);
  return soft;
}
