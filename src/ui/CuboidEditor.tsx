import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppStore } from '../state/createAppStore.ts';
import { createPage, type Page } from '../services/createPage.ts';
import type { PageIo } from '../services/pageIo.ts';
import { PageContext } from '../render/EditorContext.ts';
import { SessionGate } from './review/SessionGate.tsx';
import { EditorLayout } from './EditorLayout.tsx';
import { useKeyboard, usePageKeys } from './useKeyboard.ts';
import './app.css';

export interface CuboidEditorProps {
  /** The engine the editor talks to: `browserPageIo()` (the server, the workers, the frame cache), or fakes. */
  services: PageIo;
  /** The store to edit (default: a fresh one per mount). */
  store?: AppStore;
  /** The frame to open first (e.g. the host's `?frame=`); the dataset's first frame when absent or unknown. */
  initialFrame?: string | null;
  /** Called whenever another frame becomes the open one: the host owns its URL and may write it. */
  onFrameChange?: (frameId: string) => void;
  /** Receives the page (store, editor, services) once built, and null when it is torn down. */
  onPage?: (page: Page | null) => void;
  /**
   * The editor takes keys pressed with the focus outside its element too (on the page body, or in
   * a panel portalled to `document.body`): for a host that gives it the whole page.
   */
  pageKeys?: boolean;
  /** Shown instead of the default layout (toolbar, frame list, views, panels). */
  children?: ReactNode;
}

/**
 * The embeddable annotation editor (as `<Tldraw>` or `<Excalidraw>` are): builds its own page
 * (store, autosave, services, editor) from `services`, reaches them through React context, listens
 * to keys on its own element, never writes the URL, and tears everything down on unmount (the
 * WebGL context, the checks runner, its listeners and its autosave). Two can be mounted on one
 * page; they share the engine (`services`), never a store.
 *
 * @example
 * <CuboidEditor services={browserPageIo()} initialFrame={new URL(location.href).searchParams.get('frame')} />
 */
export function CuboidEditor({ services, store, initialFrame = null, onFrameChange, onPage, pageKeys = false, children }: CuboidEditorProps) {
  const [page, setPage] = useState<Page | null>(null);
  const latest = useRef({ onFrameChange, onPage });
  useEffect(() => {
    latest.current = { onFrameChange, onPage };
  });

  useEffect(() => {
    const built = createPage(services, store ? { store } : {});
    const stop = built.start();
    const unsubscribe = built.store.subscribe((s, prev) => {
      if (s.currentFrameId !== prev.currentFrameId && s.currentFrameId !== null) latest.current.onFrameChange?.(s.currentFrameId);
    });
    setPage(built);
    latest.current.onPage?.(built);
    return () => {
      unsubscribe();
      stop();
      built.dispose();
      latest.current.onPage?.(null);
    };
  }, [services, store]);

  if (page === null) return null;
  return (
    <PageContext.Provider value={page}>
      <EditorRoot page={page} initialFrame={initialFrame} pageKeys={pageKeys}>
        {children}
      </EditorRoot>
    </PageContext.Provider>
  );
}

function EditorRoot({ page, initialFrame, pageKeys, children }: { page: Page; initialFrame: string | null; pageKeys: boolean; children?: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  useKeyboard(page.editor, root);
  usePageKeys(page.editor, root, pageKeys);
  return (
    <div className="cuboid-editor" ref={root} data-testid="cuboid-editor">
      <SessionGate>{children ?? <EditorLayout initialFrame={initialFrame} />}</SessionGate>
    </div>
  );
}
