import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageContext } from '../../../src/render/EditorContext.ts';
import { ToolButtons } from '../../../src/ui/ToolButtons.tsx';
import { testPage } from '../../helpers/testPage.ts';

const page = testPage({});
const store = page.store;
const render = () =>
  renderToStaticMarkup(
    <PageContext.Provider value={page}>
      <ToolButtons />
    </PageContext.Provider>,
  );
/** The opening tag of the button with `data-testid`. */
const button = (html: string, testId: string): string => html.match(new RegExp(`<button[^>]*data-testid="${testId}"[^>]*>`))?.[0] ?? '';

// A server render reads a store's initial state: show it the current one.
beforeEach(() => {
  vi.spyOn(store, 'getInitialState').mockImplementation(() => store.getState());
});
afterEach(() => {
  vi.restoreAllMocks();
  store.getState().setEditLock(null);
});

describe('ToolButtons (server render)', () => {
  it('offers Draw and Fit while the frame may be edited', () => {
    const html = render();
    expect(button(html, 'tool-draw')).not.toContain('disabled');
    expect(button(html, 'tool-fit')).not.toContain('disabled');
  });

  it('disables Draw and Fit, saying why, on a frame locked for this user (a reviewer); Select stays', () => {
    store.getState().setEditLock('Reviewers do not edit boxes: flag what must change (Review panel), then accept or reject the frame.');
    const html = render();
    expect(button(html, 'tool-draw')).toContain('disabled');
    expect(button(html, 'tool-fit')).toContain('title="Reviewers do not edit boxes');
    expect(button(html, 'tool-select')).not.toContain('disabled');
  });
});
