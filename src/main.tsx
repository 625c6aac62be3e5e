import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { projectToView } from './render/viewCameras.ts';
import type { RenderState } from './render/renderState.ts';
import type { Page } from './services/createPage.ts';

// Test builds (vite --mode e2e) expose the page so Playwright can assert on state, not pixels.
const exposePage =
  import.meta.env.MODE === 'e2e'
    ? (page: Page | null, render: RenderState | null) => {
        if (page === null || render === null) return;
        (window as unknown as { __cuboid: unknown }).__cuboid = {
          store: page.store,
          frameCache: page.io.frameCache,
          project: projectToView,
          editor: page.editor,
          openFrame: (frameId: string) => page.services.frames.openFrame(frameId),
          frameGeometryCount: () => render.frameGeometry.count(),
          mergeWorker: page.io.mergeWorker,
          mergedCloud: (key: string) => page.io.mergedClouds.get(key),
          worker: page.io.worker,
          lodGpuBytes: () => render.lodGeometry.gpuBytes(),
        };
      }
    : undefined;

const root = document.getElementById('root')!;
if (import.meta.env.MODE === 'e2e' && new URL(window.location.href).searchParams.has('testbed')) {
  // Two editors on one page, mounted and unmounted on demand (tests/e2e/embed.spec.ts).
  void import('./ui/editorTestbed.tsx').then((m) => m.mountEditorTestbed(root));
} else {
  createRoot(root).render(
    <StrictMode>
      <App onPage={exposePage} />
    </StrictMode>,
  );
}
