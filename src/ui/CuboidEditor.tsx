import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppStore } from '../state/createAppStore.ts';
import { createPage, type Page } from '../services/createPage.ts';
import { browserPageIo, type PageIo } from '../services/pageIo.ts';
import { PageContext } from '../render/EditorContext.ts';
import { createRenderState, RenderStateContext, type RenderState } from '../render/renderState.ts';
import { SessionGate } from './review/SessionGate.tsx';
import { EditorLayout } from './EditorLayout.tsx';
import { useKeyboard, usePageKeys } from './useKeyboard.ts';
import './app.css';

export interface CuboidEditorProps {
  /**
   * The engine the editor talks to (the server, the workers, the frame cache), or fakes. Default:
   * an engine of its own per mount (`browserPageIo()`), whose workers are terminated and caches
   * dropped on unmount. An engine given here belongs to the host, which disposes it.
   */
  services?: PageIo;
  /** The store to edit (default: a fresh one per mount). */
  store?: AppStore;
  /** The frame to open first (e.g. the host's `?frame=`); the dataset's first frame when absent or unknown. */
  initialFrame?: string | null;
  /** Called whenever another frame becomes the open one: the host owns its URL and may write it. */
  onFrameChange?: (frameId: string) => void;
  /** Receives the page (store, editor, services) and its render state once built, and null when they are torn down. */
  onPage?: (page: Page | null, render: RenderState | null) => void;
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
 * (store, autosave, engine, services, editor, GPU geometry and point tags), reaches them through
 * React context, listens to keys on its own element, never writes the URL, and tears everything
 * down on unmount (the WebGL context, the checks runner, its listeners, its autosave, its workers,
 * caches, geometries and textures). Two can be mounted on one page; they share nothing.
 *
 * @example
 * <CuboidEditor initialFrame={new URL(location.href).searchParams.get('frame')} />
 */
export function CuboidEditor({ services, store, initialFrame = null, onFrameChange, onPage, pageKeys = false, children }: CuboidEditorProps) {
  const [built, setBuilt] = useState<{ page: Page; render: RenderState } | null>(null);
  const latest = useRef({ onFrameChange, onPage });
  useEffect(() => {
    latest.current = { onFrameChange, onPage };
  });

  useEffect(() => {
    // An engine of its own unless the host gives one (built here, so a remount gets a fresh one).
    const io = services ?? browserPageIo();
    const page = createPage(io, store ? { store } : {});
    const render = createRenderState(io.frameCache);
    const stop = page.start();
    const unsubscribe = page.store.subscribe((s, prev) => {
      if (s.currentFrameId !== prev.currentFrameId && s.currentFrameId !== null) latest.current.onFrameChange?.(s.currentFrameId);
    });
    setBuilt({ page, render });
    latest.current.onPage?.(page, render);
    return () => {
      unsubscribe();
      stop();
      page.dispose();
      render.dispose();
      if (!services) io.dispose?.();
      latest.current.onPage?.(null, null);
    };
  }, [services, store]);

  if (built === null) return null;
  return (
    <PageContext.Provider value={built.page}>
      <RenderStateContext.Provider value={built.render}>
        <EditorRoot page={built.page} initialFrame={initialFrame} pageKeys={pageKeys}>
          {children}
        </EditorRoot>
      </RenderStateContext.Provider>
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
