import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { PageContext } from '../../../src/render/EditorContext.ts';
import { ChecksPanel } from '../../../src/ui/ChecksPanel.tsx';
import { testPage } from '../../helpers/testPage.ts';

const page = testPage({});
const store = page.store;

function render(): string {
  return renderToStaticMarkup(
    <PageContext.Provider value={page}>
      <ChecksPanel />
    </PageContext.Provider>,
  );
}

// A server render reads a store's initial state (useSyncExternalStore's server snapshot): show it the current one.
beforeEach(() => {
  vi.spyOn(store, 'getInitialState').mockImplementation(() => store.getState());
  store.setState({ currentFrameId: '000001', doc: emptyAnnotation('000001') });
});
afterEach(() => {
  vi.restoreAllMocks();
  store.getState().setLoad({ status: 'idle', frameId: null, error: null });
  store.getState().setChecks({ frameId: null, results: [], status: 'idle', error: null, ms: null, calibProblem: null });
  store.setState({ currentFrameId: null, doc: null });
});

describe('ChecksPanel (server render)', () => {
  it('says the frame was not checked, and why, when its points failed to load (not an empty heading)', () => {
    store.getState().setLoad({ status: 'error', frameId: '000001', error: '000001.bin: size 1000003 bytes is not a multiple of 16' });
    store.getState().setChecks({ frameId: '000001', status: 'idle' });
    const html = render();
    expect(html).toContain('data-testid="checks-not-run"');
    expect(html).toContain('Not checked: the points of frame 000001 could not be loaded (000001.bin: size 1000003 bytes is not a multiple of 16)');
    expect(html).toContain('not run');
    expect(html).not.toContain('data-testid="checks-waiting"');
  });

  it('says the frame was not checked when its points are in but its calib (or label file) does not read, not that the checks wait for the points', () => {
    store.getState().setLoad({
      status: 'done',
      frameId: '000001',
      error: null,
      labelsError: 'parseKittiCalib (calib/000001.txt): field "Tr_velo_to_cam": missing',
      labelsErrorFile: 'calib',
    });
    store.getState().setChecks({ frameId: '000001', status: 'idle' });
    const html = render();
    expect(html).toContain('Not checked: the calib of frame 000001 does not read');
    expect(html).not.toContain('data-testid="checks-waiting"');
    store.getState().setLoad({ labelsError: null, labelsErrorFile: 'label' });
  });

  it('says the checks wait for the points while the frame loads', () => {
    store.getState().setLoad({ status: 'loading', frameId: '000001', error: null });
    const html = render();
    expect(html).toContain('data-testid="checks-waiting"');
    expect(html).not.toContain('checks-not-run');
  });

  it('names the calib problem (file and line) and that missed objects were searched all around', () => {
    store.getState().setLoad({ status: 'done', frameId: '000001', error: null });
    store.getState().setChecks({
      frameId: '000001',
      status: 'done',
      ms: 12,
      calibProblem: 'parseKittiCalib (calib/000001.txt): line 2, field "P1": expected 12 values, found 3',
    });
    const html = render();
    expect(html).toContain('data-testid="checks-calib-problem"');
    expect(html).toContain('calib/000001.txt): line 2, field');
    expect(html).toContain('missed objects are searched all around the sensor');
    expect(html).toContain('No findings.');
  });
});
