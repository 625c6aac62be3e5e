import { Suspense, lazy, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../../render/EditorContext.ts';
import { ModalOverlay } from '../ModalOverlay.tsx';

// The dashboard (and its charting library) loads when a lead first opens it, not with the editor.
const MetricsDashboard = lazy(() => import('./MetricsDashboard.tsx').then((m) => ({ default: m.MetricsDashboard })));

/**
 * A toolbar button that opens the metrics dashboard in a modal overlay (Esc or Close shuts it, and no
 * key reaches the app behind it); shown to leads only (and in single-user mode).
 */
export function DashboardButton() {
  const role = useAppStore((s) => s.session.user?.role ?? null);
  const [open, setOpen] = useState(false);
  if (role !== 'lead') return null;
  return (
    <>
      <button type="button" className="tool" onClick={() => setOpen(true)} data-testid="open-metrics">
        Metrics
      </button>
      {open &&
        // A portal, so that the overlay covers the page wherever the button is mounted.
        createPortal(
          <ModalOverlay label="Annotator metrics" onClose={() => setOpen(false)} cardClassName="metrics-overlay">
            <Suspense fallback={<p className="muted">Loading the dashboard…</p>}>
              <MetricsDashboard onClose={() => setOpen(false)} />
            </Suspense>
          </ModalOverlay>,
          document.body,
        )}
    </>
  );
}
