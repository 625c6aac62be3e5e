import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { SessionGate } from './ui/review/SessionGate.tsx';
import { appStore } from './state/appStore.ts';
import { frameCache } from './io/frameCache.ts';
import { projectToView } from './render/viewCameras.ts';
import { frameGeometryCount } from './render/frameGeometry.ts';
import { getPageEditor } from './services/pageEditor.ts';
import { openFrame } from './services/openFrame.ts';
import './ui/app.css';

// Test builds (vite --mode e2e) expose the store so Playwright can assert on state, not pixels.
if (import.meta.env.MODE === 'e2e') {
  (window as unknown as { __cuboid: unknown }).__cuboid = { store: appStore, frameCache, project: projectToView, editor: getPageEditor(), openFrame, frameGeometryCount };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionGate>
      <App />
    </SessionGate>
  </StrictMode>,
);
