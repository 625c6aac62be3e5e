import { useState } from 'react';
import { CuboidEditor, type CuboidEditorProps } from './CuboidEditor.tsx';
import { frameFromUrl } from './frameFromUrl.ts';

/** Writes the open frame into the page's URL (`?frame=ID`, a `#ID` fragment dropped), replacing the history entry. */
function writeFrameToUrl(frameId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('frame', frameId);
  url.hash = '';
  window.history.replaceState(null, '', url);
}

/**
 * The app: one host of `<CuboidEditor>` that gives it the whole page. The host owns the URL: it
 * opens `?frame=ID` first and keeps `?frame` current as frames are opened. The editor builds its own
 * engine (workers, caches) and ends it on unmount. `#ID` opens that frame too (`frameFromUrl`).
 */
export function App({ onPage }: Pick<CuboidEditorProps, 'onPage'>) {
  const [initialFrame] = useState(() => frameFromUrl(window.location.href));
  return <CuboidEditor initialFrame={initialFrame} onFrameChange={writeFrameToUrl} onPage={onPage} pageKeys />;
}
