import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageContext } from '../../../src/render/EditorContext.ts';
import type { Page } from '../../../src/services/createPage.ts';
import { VisibilityControls } from '../../../src/ui/VisibilityControls.tsx';
import { ColorLegend } from '../../../src/ui/ColorLegend.tsx';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { Cuboid } from '../../../src/domain/types.ts';
import { testPage } from '../../helpers/testPage.ts';
import { TestEditor } from '../../helpers/TestEditor.ts';

function render(page: Page, node: React.ReactNode): string {
  vi.spyOn(page.store, 'getInitialState').mockImplementation(() => page.store.getState());
  return renderToStaticMarkup(<PageContext.Provider value={page}>{node}</PageContext.Provider>).replace(/<!-- -->/g, '');
}

function box(id: string, label: string): Cuboid {
  return { id, label, center: [10, 0, -1], size: [4, 2, 1.5], yaw: 0, attributes: { truncated: 0, occluded: 0 }, source: 'manual', trackId: null };
}

afterEach(() => vi.restoreAllMocks());

describe('VisibilityControls', () => {
  it('shows the ground toggle with its key, the slice and crop fields, the point size and the classes with counts', () => {
    const page = testPage({});
    page.store.getState().loadDoc({ ...emptyAnnotation('000000'), cuboids: [box('a', 'Car'), box('b', 'Car'), box('c', 'Pedestrian')] });
    const html = render(page, <VisibilityControls />);
    expect(html).toContain('Hide ground <kbd>Shift+G</kbd>');
    expect(html).toMatch(/data-testid="vis-point-size"/);
    expect(html).toMatch(/<output>2<\/output>/);
    expect(html).toMatch(/data-testid="vis-class-Car"[^>]*>.*Car<\/span> <span class="muted">2<\/span>/);
    expect(html).toMatch(/data-testid="vis-class-Pedestrian"/);
    // Nothing filtered yet: the limit fields are empty and there is nothing to reset.
    expect(html).toMatch(/aria-label="z min"[^>]*value=""/);
    expect(html).not.toContain('show all');

    page.store.getState().setHeightSlice({ min: -1.5, max: 0.8 });
    page.store.getState().setClassHidden('Pedestrian');
    const on = render(page, <VisibilityControls />);
    expect(on).toMatch(/aria-label="z min"[^>]*value="-1.5"/);
    expect(on).toMatch(/aria-label="z max"[^>]*value="0.8"/);
    expect(on).toMatch(/class="vis-class hidden" aria-pressed="false"/);
    expect(on).toContain('show all');
    expect(on).toContain('Drag the cyan (height) and amber (range) knobs');
    // A slice beside the frame's heights says it hides the points.
    page.store.getState().setLoad({ ranges: { heightSpan: [-2.7, 1.2] } });
    expect(render(page, <VisibilityControls />)).not.toContain('vis-slice-empty');
    page.store.getState().setHeightSlice({ min: 5, max: 6 });
    expect(render(page, <VisibilityControls />)).toContain('The height slice hides the points: this frame&#x27;s lie between -2.7 and 1.2 m.');
    // So does a range crop nearer or farther than every point.
    page.store.getState().setLoad({ ranges: { heightSpan: [-2.7, 1.2], reach: [2.6, 61.3] } });
    page.store.getState().setRangeCrop({ min: null, max: 40 });
    expect(render(page, <VisibilityControls />)).not.toContain('vis-crop-empty');
    page.store.getState().setRangeCrop({ min: null, max: 1.5 });
    expect(render(page, <VisibilityControls />)).toContain('The range crop hides the points: this frame&#x27;s lie 2.6 to 61.3 m from the sensor.');
    page.store.getState().setRangeCrop({ min: 80, max: null });
    expect(render(page, <VisibilityControls />)).toContain('vis-crop-empty');
  });

  it('colour by box class has a legend of the frame’s classes and the grey of points in no box', () => {
    const page = testPage({});
    page.store.getState().loadDoc({ ...emptyAnnotation('000000'), cuboids: [box('a', 'Car'), box('c', 'Cyclist')] });
    page.store.getState().setColorMode('boxClass');
    const html = render(page, <ColorLegend />);
    expect(html).toContain('box class');
    expect(html).toMatch(/background:#4c8dff"><\/span>Car/);
    expect(html).toMatch(/Cyclist/);
    expect(html).toContain('in no box');
  });
});

describe('Shift+G', () => {
  it('toggles hiding the ground, and the help lists it', () => {
    const ed = new TestEditor({ frames: ['000000'] });
    expect(ed.store.getState().visibility.hideGround).toBe(false);
    ed.keyDown('G', { shiftKey: true });
    expect(ed.store.getState().visibility.hideGround).toBe(true);
    ed.keyDown('g', { shiftKey: true });
    expect(ed.store.getState().visibility.hideGround).toBe(false);
    const listed = ed.actions.listShortcuts().find((s) => s.id === 'toggleHideGround');
    expect(listed?.display).toEqual(['Shift+G']);
  });
});
