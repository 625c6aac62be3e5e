import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src/io/apiClient.ts';
import { defaultDictionary } from '../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { testPage } from '../../helpers/testPage.ts';

/** A server with no frames whose dataset is `name`. */
function serverOf(dataset: { name: string }): Partial<ApiClient> {
  return {
    getDataset: async () => ({ name: dataset.name, id: `id-${dataset.name}`, layout: 'flat', frameCount: 0, labelsDir: 'l', stateDir: 's' }) as never,
    getDictionary: async () => ({ dictionary: defaultDictionary, source: 'default' as const }),
    listFrames: async () => [],
  };
}

describe('createPage (the composition root)', () => {
  it('builds pages that share nothing: two pages, two stores, two editors', () => {
    const a = testPage({});
    const b = testPage({});
    expect(a.store).not.toBe(b.store);
    expect(a.editor).not.toBe(b.editor);
    a.store.getState().loadDoc(emptyAnnotation('000001'));
    expect(b.store.getState().doc).toBeNull();
    a.dispose();
    b.dispose();
  });

  it('makes the autosave for the dataset the server names, and a new one when it names another', async () => {
    const dataset = { name: 'street' };
    const page = testPage(serverOf(dataset));
    expect(page.autosave()).toBeNull();
    await page.services.frames.openInitialFrame();
    const first = page.autosave();
    expect(first).not.toBeNull();
    expect(page.store.getState().framesError).toMatch(/no frames/);
    // The same dataset keeps its autosave (and journal).
    await page.services.frames.openInitialFrame();
    expect(page.autosave()).toBe(first);
    // Another dataset gets its own: journals of different datasets never mix.
    dataset.name = 'harbour';
    await page.services.frames.openInitialFrame();
    expect(page.autosave()).not.toBe(first);
    expect(page.autosave()).not.toBeNull();
    page.dispose();
    expect(page.autosave()).toBeNull();
  });
});
