/**
 * The editor package entry (`cuboid/editor`): the embeddable `<CuboidEditor>`, the engine it runs on
 * (`browserPageIo()`: the server client, the workers, the frame cache; each editor builds its own
 * unless given one, and ends it on unmount) and the pieces a host may build itself (a store, a page).
 *
 * @example
 * import { CuboidEditor } from 'cuboid/editor';
 * <CuboidEditor onFrameChange={(id) => history.replaceState(null, '', `?frame=${id}`)} />
 */
export { CuboidEditor, type CuboidEditorProps } from './ui/CuboidEditor.tsx';
export { browserPageIo, type PageIo } from './services/pageIo.ts';
export { createPage, type Page, type PageServices } from './services/createPage.ts';
export { createAppStore, type AppStore } from './state/createAppStore.ts';
