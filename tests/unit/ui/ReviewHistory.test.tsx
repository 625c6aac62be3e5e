import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewInfo } from '../../../src/domain/api/wireTypes.ts';
import { PageContext } from '../../../src/render/EditorContext.ts';
import { ReviewHistory } from '../../../src/ui/review/ReviewHistory.tsx';
import { testPage } from '../../helpers/testPage.ts';

afterEach(() => vi.restoreAllMocks());

function render(page: ReturnType<typeof testPage>): string {
  vi.spyOn(page.store, 'getInitialState').mockImplementation(() => page.store.getState());
  return renderToStaticMarkup(
    <PageContext.Provider value={page}>
      <ReviewHistory />
    </PageContext.Provider>,
  ).replace(/<!-- -->/g, '');
}

describe('ReviewHistory', () => {
  it('tells a flag on a box from a flag on a missed object', () => {
    const page = testPage({});
    const step = (cuboidId: string | null, revision: number) => ({
      at: '2026-12-06T01:00:00Z',
      user: 'rev',
      action: 'flag_add',
      revision,
      detail: { flagId: 'f', reason: 'r', cuboidId },
    });
    const info = { frameId: '000001', history: [step('car-1', 3), step(null, 4)] } as unknown as ReviewInfo;
    page.store.setState((s) => ({ review: { ...s.review, info } }));
    const html = render(page);
    expect(html).toContain('rev flagged a box (r3)');
    expect(html).toContain('rev flagged a missed object (r4)');
  });

  it('names the signed-in user "you" (single-user mode\'s "local" included)', () => {
    const page = testPage({});
    const step = (user: string) => ({ at: '2026-12-06T01:00:00Z', user, action: 'submit', revision: 2, detail: {} });
    const info = { frameId: '000001', history: [step('local'), step('rev')] } as unknown as ReviewInfo;
    page.store.setState((s) => ({ review: { ...s.review, info }, session: { ...s.session, mode: 'single', user: { name: 'local', role: 'lead' } } }));
    const html = render(page);
    expect(html).toContain('you submitted');
    expect(html).toContain('rev submitted');
    expect(html).not.toContain('local');
  });
});
