import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { sessionStore } from '../../actions/review/sessionStore.ts';
import { MetricsDashboard } from './MetricsDashboard.tsx';

/** A toolbar button that opens the metrics dashboard in an overlay; shown to leads only (and in single-user mode). */
export function DashboardButton() {
  const role = useStore(sessionStore, (s) => s.user?.role ?? null);
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
          <div className="overlay" role="dialog" aria-label="Annotator metrics">
            <div className="overlay-card metrics-overlay">
              <MetricsDashboard onClose={() => setOpen(false)} />
            </div>
          </div>,
          document.body,
        )}
    </>
  );
}
