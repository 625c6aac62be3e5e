import { useEffect, useState } from 'react';
import { Workspace } from '../render/Workspace.tsx';
import { LoadErrorCard } from './LoadErrorCard.tsx';
import { MergeNotice } from './MergeNotice.tsx';
import { useAppStore, usePage } from '../render/EditorContext.ts';
import { FrameList } from './FrameList.tsx';
import { ObjectList } from './ObjectList.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { ViewControls } from './ViewControls.tsx';
import { ColorLegend } from './ColorLegend.tsx';
import { ToolButtons } from './ToolButtons.tsx';
import { ClassPalette } from './ClassPalette.tsx';
import { VisibilityControls } from './VisibilityControls.tsx';
import { Inspector } from './Inspector.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { BatchView } from './batch/BatchView.tsx';
import { MessageToast } from './MessageToast.tsx';
import { FindingCard } from './FindingCard.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { CameraPanel } from './CameraPanel.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { SopPanel } from './SopPanel.tsx';
import { TracksPanel } from './TracksPanel.tsx';
import { ToolHint } from './ToolHint.tsx';
import { ReviewPanel } from './review/ReviewPanel.tsx';
import { selectIsReviewer } from '../state/slices/sessionSlice.ts';
import { SessionBadge } from './review/SessionBadge.tsx';
import { DashboardButton } from './dashboard/DashboardButton.tsx';

/**
 * The editor's default layout: frames on the left, the views in the middle, class and box
 * inspector on the right. Opens `initialFrame` (or the first frame) once the canvas exists.
 */
export function EditorLayout({ initialFrame = null }: { initialFrame?: string | null }) {
  const reviewer = useAppStore(selectIsReviewer);
  const { editor, services } = usePage();
  const frameId = useAppStore((s) => s.currentFrameId);
  const toolPath = useAppStore((s) => s.tool.path);
  // The first frame streams once the canvas exists, so creating the WebGL context (a one-off,
  // slow in software GL) never competes with the stream.
  const [canvasReady, setCanvasReady] = useState(false);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (!canvasReady || opened) return;
    setOpened(true);
    void services.frames.openInitialFrame(initialFrame);
  }, [canvasReady, opened, services, initialFrame]);
  return (
    <div className="app" data-tool={toolPath}>
      <header className="toolbar">
        <span className="brand">Cuboid</span>
        <span className="frame-title" title={frameId ?? undefined} data-testid="frame-title">
          {frameId ? (
            <>
              <span className="frame-word">Frame </span>
              {frameId}
            </>
          ) : (
            'No frame'
          )}
        </span>
        <ToolButtons />
        <SaveStatus />
        <ViewControls />
        <DashboardButton />
        <SessionBadge />
        <button type="button" className="tool" onClick={() => void editor.actions.executeAction('toggleHelp')} title="Shortcuts (?)">
          ?
        </button>
      </header>
      <aside className="sidebar">
        <FrameList />
        <ObjectList />
      </aside>
      <main className="stage">
        <Workspace onReady={() => setCanvasReady(true)} />
        <LoadErrorCard />
        <ColorLegend />
        <div className="axes-legend" data-covers-view="">
          <span className="ax-x">x forward</span> <span className="ax-y">y left</span> <span className="ax-z">z up</span>{' '}
          <span className="ax-yaw">yaw ↺ from x</span>
        </div>
        <MergeNotice />
        <CameraPanel />
        <MessageToast />
        <FindingCard />
      </main>
      {reviewer ? (
        // A reviewer flags, accepts and rejects, and edits nothing: the review panel first, the
        // editing controls after it (at 1366 × 768 Accept was below the fold under them).
        <aside className="rightbar" data-testid="rightbar-reviewer">
          <ReviewPanel />
          <ChecksPanel />
          <Inspector />
          <VisibilityControls />
          <TracksPanel />
        </aside>
      ) : (
        <aside className="rightbar">
          <ClassPalette />
          <VisibilityControls />
          <Inspector />
          <ChecksPanel />
          <ReviewPanel />
          <TracksPanel />
        </aside>
      )}
      <footer className="statusbar">
        <LoadStatus />
        <ToolHint />
      </footer>
      <HelpOverlay />
      <BatchView />
      <ConflictDialog />
      <SopPanel />
    </div>
  );
}
