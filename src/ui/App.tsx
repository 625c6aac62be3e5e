import { useState } from 'react';
import { CuboidEditor, type CuboidEditorProps } from './CuboidEditor.tsx';

/** Writes the open frame into the page's URL (`?frame=ID`), replacing the history entry. */
function writeFrameToUrl(frameId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('frame', frameId);
  window.history.replaceState(null, '', url);
}

/**
 * The app: one host of `<CuboidEditor>` that gives it the whole page. The host owns the URL: it
 * opens `?frame=ID` first and keeps `?frame` current as frames are opened. The editor builds its own
 * engine (workers, caches) and ends it on unmount.
 */
export function App({ onPage }: Pick<CuboidEditorProps, 'onPage'>) {
  const [initialFrame] = useState(() => new URL(window.location.href).searchParams.get('frame'));
  return <CuboidEditor initialFrame={initialFrame} onFrameChange={writeFrameToUrl} onPage={onPage} pageKeys />;
}
