import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { createCuboid } from '../../../src/domain/document/cuboidOps.ts';
import { PageContext } from '../../../src/render/EditorContext.ts';
import { ObjectList } from '../../../src/ui/ObjectList.tsx';
import { OVERSCAN, ROW_HEIGHT } from '../../../src/ui/objectListModel.ts';
import { testPage } from '../../helpers/testPage.ts';

const page = testPage({});
const store = page.store;
const CLASSES = ['Car', 'Pedestrian', 'Cyclist', 'Van'];

function load(n: number): void {
  const cuboids = Array.from({ length: n }, (_, i) =>
    createCuboid({
      id: `b${i}`,
      trackId: `t${i}-seq`,
      label: CLASSES[i % CLASSES.length],
      center: [5 + (i % 50), (i % 7) - 3, -1],
      size: [4, 2, 1.5],
      yaw: 0,
      source: 'manual',
    }),
  );
  store.setState({ currentFrameId: 'f1', doc: { ...emptyAnnotation('f1'), cuboids } });
  store.getState().setChecks({
    frameId: 'f1',
    results: [{ ruleId: 'tooFewPoints', severity: 'error', cuboidId: 'b0', location: null, message: 'few', dictionaryEntry: null }],
  });
}

const render = () =>
  renderToStaticMarkup(
    <PageContext.Provider value={page}>
      <ObjectList />
    </PageContext.Provider>,
  );

// A server render reads a store's initial state (useSyncExternalStore's server snapshot): show it the current one.
beforeEach(() => {
  vi.spyOn(store, 'getInitialState').mockImplementation(() => store.getState());
});
afterEach(() => {
  vi.restoreAllMocks();
  store.setState({ currentFrameId: null, doc: null });
  store.getState().resetVisibility();
});

describe('ObjectList (server render)', () => {
  it('with 1,000 boxes draws only the rows in view (a fixed budget of elements), the counts cover all', () => {
    load(1000);
    const html = render();
    const rows = html.match(/role="option"/g) ?? [];
    // The scroll area is 340 px: 15 rows in view, plus the overscan below (none above at the top).
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(340 / ROW_HEIGHT) + OVERSCAN);
    expect(rows.length).toBeGreaterThan(5);
    const elements = (html.match(/<[a-z]/g) ?? []).length;
    expect(elements).toBeLessThan(600);
    expect(html).toContain('Objects 1000');
    // The spacer is as tall as every row: 4 class headings and 1,000 boxes.
    expect(html).toContain(`height:${1004 * ROW_HEIGHT}px`);
    expect(html).toContain('data-testid="object-class-Car"');
    expect(html).toContain('data-testid="object-row-b0"');
    expect(html).not.toContain('data-testid="object-row-b999"');
  });

  it('shows a box row with its track, error count and toggles; hidden and locked show as pressed', () => {
    load(8);
    store.getState().setBoxHidden('b4', true);
    store.getState().setClassLocked('Pedestrian', true);
    const html = render();
    expect(html).toMatch(/data-testid="object-row-b0"[^>]*>.*?title="Track 0">#0<.*?class="ol-err"[^>]*>1</);
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="hide-box-b4"/);
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="lock-class-Pedestrian"/);
    expect(html).toMatch(/class="ol-row ol-box[^"]*locked"[^>]*data-testid="object-row-b1"/);
    expect(html).toContain('1 error');
  });

  it('says so when the frame has no boxes', () => {
    load(0);
    expect(render()).toContain('No boxes in this frame');
  });
});
