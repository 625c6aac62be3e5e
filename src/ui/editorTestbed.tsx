import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CuboidEditor } from './CuboidEditor.tsx';
import type { Page } from '../services/createPage.ts';
import { projectToView } from '../render/viewCameras.ts';

interface Testbed {
  /** The pages of the mounted editors, by slot (null when unmounted). */
  pages: (Page | null)[];
  /** Unmounts both editors. */
  unmount(): void;
  /** Client pixel of a LiDAR point in view `view` of the editor in `slot`, or null. */
  project(point: [number, number, number], view: string, slot: number): [number, number] | null;
}

/**
 * e2e only (`?testbed`): two `<CuboidEditor>`s one above the other on one page (the default layout needs the page's width), each
 * with its own store and its own engine (workers, caches); `window.__testbed.unmount()` removes both. Shows that the editor is a unit
 * that can be mounted twice and leaves nothing behind.
 */
export function mountEditorTestbed(root: HTMLElement): void {
  const testbed: Testbed = {
    pages: [null, null],
    unmount: () => undefined,
    project: (point, view, slot) => {
      const root = document.querySelector(`[data-testid=testbed-slot-${slot}]`);
      return root ? projectToView(point, view, root) : null;
    },
  };
  (window as unknown as { __testbed: Testbed }).__testbed = testbed;
  function Bed() {
    const [mounted, setMounted] = useState(true);
    testbed.unmount = () => setMounted(false);
    if (!mounted) return <p data-testid="testbed-empty">No editors.</p>;
    return (
      <div style={{ display: 'grid', gridTemplateRows: '1fr 1fr', height: '100%' }}>
        {[0, 1].map((slot) => (
          <div key={slot} data-testid={`testbed-slot-${slot}`} style={{ position: 'relative', minHeight: 0 }}>
            <CuboidEditor
              onPage={(page) => {
                testbed.pages[slot] = page;
              }}
            />
          </div>
        ))}
      </div>
    );
  }
  createRoot(root).render(<Bed />);
}
