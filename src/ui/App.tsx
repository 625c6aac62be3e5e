import { useEffect } from 'react';
import { Viewport } from '../render/Viewport.tsx';
import { useAppStore } from '../state/appStore.ts';
import { openInitialFrame } from '../actions/openFrame.ts';
import { FrameList } from './FrameList.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { ViewControls } from './ViewControls.tsx';
import { ColorLegend } from './ColorLegend.tsx';

/** The page: frame list on the left, the 3D view in the middle, status at the bottom. */
export function App() {
  const frameId = useAppStore((s) => s.currentFrameId);
  useEffect(() => {
    void openInitialFrame();
  }, []);
  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Cuboid</span>
        <span className="frame-title">{frameId ? `Frame ${frameId}` : 'No frame'}</span>
        <ViewControls />
      </header>
      <aside className="sidebar">
        <FrameList />
      </aside>
      <main className="stage">
        <Viewport frameId={frameId} />
        <ColorLegend />
        <div className="axes-legend">
          <span className="ax-x">x forward</span> <span className="ax-y">y left</span>{' '}
          <span className="ax-z">z up</span> <span className="ax-yaw">yaw ↺ from x</span>
        </div>
      </main>
      <footer className="statusbar">
        <LoadStatus />
      </footer>
    </div>
  );
}
