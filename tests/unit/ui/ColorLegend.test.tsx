import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageContext } from '../../../src/render/EditorContext.ts';
import type { Page } from '../../../src/services/createPage.ts';
import { ColorLegend } from '../../../src/ui/ColorLegend.tsx';
import { testPage } from '../../helpers/testPage.ts';

function render(page: Page): string {
  // A server render reads a store's initial state (useSyncExternalStore's server snapshot): show it the current one.
  vi.spyOn(page.store, 'getInitialState').mockImplementation(() => page.store.getState());
  return renderToStaticMarkup(
    <PageContext.Provider value={page}>
      <ColorLegend />
    </PageContext.Provider>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('ColorLegend', () => {
  it('shows the colour mode, and the sweeps offset while merged sweeps are coloured by time', () => {
    const page = testPage({});
    // No points yet: no range to show.
    expect(render(page)).toBe('');
    const mode = page.store.getState().view.colorMode;
    page.store.getState().setLoad({ ranges: { [mode]: [-1.8, 0.9] } });
    const shown = render(page).replace(/<!-- -->/g, '');
    expect(shown).toContain(`<span class="legend-title">${mode}</span>`);
    expect(shown).toContain('<span>-1.8 m</span><span>0.9 m</span>');
    page.store.setState((s) => ({ merge: { ...s.merge, sweeps: 5, status: 'ready', colorByTime: true, timeRange: [-5, 5] } }));
    const merged = render(page);
    expect(merged).toContain('<span class="legend-title">sweep time</span>');
    expect(merged.replace(/<!-- -->/g, '')).toContain('<span>5 before</span><span>5 after</span>');
    // Frame 000001 with ±5: one sweep before it.
    page.store.setState((s) => ({ merge: { ...s.merge, timeRange: [-1, 5] } }));
    expect(render(page).replace(/<!-- -->/g, '')).toContain('<span>1 before</span><span>5 after</span>');
    page.store.setState((s) => ({ merge: { ...s.merge, colorByTime: false } }));
    expect(render(page)).not.toContain('sweep time');
  });

  it('says height while merged sweeps are on screen, whatever the menu says (the merged cloud is coloured by height)', () => {
    const page = testPage({});
    page.store.getState().setLoad({ ranges: { height: [-2, 1.5], intensity: [0, 0.5] } });
    page.store.getState().setColorMode('intensity');
    page.store.setState((s) => ({ merge: { ...s.merge, key: 'merged:000004:5', sweeps: 5, status: 'ready', onScreen: true } }));
    const shown = render(page).replace(/<!-- -->/g, '');
    expect(shown).toContain('<span class="legend-title">height (merged sweeps)</span>');
    expect(shown).toContain('<span>-2.0 m</span><span>1.5 m</span>');
    page.store.getState().setColorMode('boxClass');
    expect(render(page)).toContain('height (merged sweeps)');
  });
});
