import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EdgeCaseDictionary } from '../../../../src/domain/checks/dictionary/EdgeCaseDictionary.ts';
import { PageContext } from '../../../../src/render/EditorContext.ts';
import type { Page } from '../../../../src/services/createPage.ts';
import { AddFlagForm } from '../../../../src/ui/review/AddFlagForm.tsx';
import { testPage } from '../../../helpers/testPage.ts';

function render(page: Page): string {
  // A server render reads a store's initial state (useSyncExternalStore's server snapshot): show it the current one.
  vi.spyOn(page.store, 'getInitialState').mockImplementation(() => page.store.getState());
  return renderToStaticMarkup(
    <PageContext.Provider value={page}>
      <AddFlagForm />
    </PageContext.Provider>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('AddFlagForm reasons', () => {
  it('lists a rule a lead just saved in the SOP, without a reload (one dictionary in the store)', async () => {
    const page = testPage({
      saveDictionary: async (d: EdgeCaseDictionary) => ({ dictionary: { ...d, version: d.version + 1 }, source: 'file' as const }),
    });
    const before = render(page);
    expect(before).not.toContain('Rider on a scooter');
    const ok = await page.editor.actions.run('saveEdgeCase', {
      entry: { id: 'rider-on-scooter', title: 'Rider on a scooter', rule: 'Box the rider and the scooter as one Cyclist.', tags: ['cyclist'] },
    });
    expect(ok).toBe(true);
    const after = render(page);
    expect(after).toContain('<option value="rider-on-scooter" title="Box the rider and the scooter as one Cyclist.">Rider on a scooter</option>');
    expect(page.store.getState().ui.message?.text).toMatch(/Rules saved as version/);
  });

  it('keeps the list when the save is refused, and says so', async () => {
    const page = testPage({
      saveDictionary: async () => {
        throw new Error('the disk is full');
      },
    });
    const ok = await page.editor.actions.run('saveEdgeCase', { entry: { id: 'x-y', title: 'Never saved', rule: 'r', tags: [] } });
    expect(ok).toBe(false);
    expect(render(page)).not.toContain('Never saved');
    expect(page.store.getState().ui.message?.text).toBe('Could not save the rules: the disk is full');
  });
});
