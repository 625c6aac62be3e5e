import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../helpers/TestEditor.ts';
import type { CheckResult } from '../../../src/domain/checks/CheckResult.ts';
import { listShortcuts } from '../../../src/actions/listShortcuts.ts';
import { selectVisibleCheckResults } from '../../../src/state/selectors.ts';

const cluster = (x: number, y: number, extra: Partial<CheckResult> = {}): CheckResult => ({
  ruleId: 'unlabelledCluster',
  severity: 'warning',
  cuboidId: null,
  location: [x, y, -1],
  message: 'a missed Car?',
  dictionaryEntry: 'every-object-boxed',
  ...extra,
});

function withFindings(results: CheckResult[]): TestEditor {
  const ed = new TestEditor({ frames: ['000000'] });
  ed.store.getState().setChecks({ frameId: ed.doc().frameId, status: 'done', results, error: null });
  return ed;
}

describe('X: "not an object"', () => {
  it('after N removes the box N made and marks the place, in one undo step; N then skips the place', async () => {
    const ed = withFindings([cluster(12, 3, { suggestedLabel: 'Pedestrian', radius: 2.2 }), cluster(20, -4, { suggestedLabel: 'Car' })]);
    ed.keyDown('n');
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(1);
    expect(ed.store.getState().ui.message?.action).toMatchObject({ label: 'Not an object', actionId: 'dismissFinding' });
    ed.keyDown('x');
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(0);
    expect(ed.selectedIds()).toEqual([]);
    const [mark] = ed.doc().dismissals;
    expect(mark).toMatchObject({ location: [12, 3, -1], radius: 2.2, label: 'Pedestrian' });
    expect(Number.isNaN(Date.parse(mark.at!))).toBe(false);
    expect(ed.undoSteps()).toBe(2);
    // The checks have not re-run yet: the finding is still in their list, but nobody shows or boxes it.
    expect(selectVisibleCheckResults(ed.store.getState()).map((r) => r.location)).toEqual([[20, -4, -1]]);
    ed.keyDown('n');
    await ed.settle();
    expect(ed.fit.calls.map((c) => c.point)).toEqual([
      [12, 3, -1],
      [20, -4, -1],
    ]);
    // Undo brings N's box back and takes the mark away.
    ed.store
      .getState()
      .setChecks({ frameId: ed.doc().frameId, status: 'done', results: [cluster(12, 3, { suggestedLabel: 'Pedestrian', radius: 2.2 })], error: null });
    ed.keyDown('z', { ctrlKey: true });
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.doc().dismissals).toEqual([]);
    expect(ed.cuboids().map((c) => c.label)).toEqual(['Pedestrian']);
  });

  it("Ctrl+Z after N takes the box back and the notice with its 'Not an object' button", async () => {
    const ed = withFindings([cluster(12, 3, { suggestedLabel: 'Pedestrian' })]);
    ed.keyDown('n');
    await ed.settle();
    expect(ed.store.getState().ui.message?.action?.actionId).toBe('dismissFinding');
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.cuboids()).toHaveLength(0);
    expect(ed.store.getState().ui.message).toBeNull();
  });

  it("Ctrl+Z after X brings the box back and takes X's notice away; undoing a class change after N keeps N's notice", async () => {
    const ed = withFindings([cluster(12, 3, { suggestedLabel: 'Pedestrian' })]);
    ed.keyDown('n');
    await ed.settle();
    ed.keyDown('x');
    await ed.settle();
    expect(ed.store.getState().ui.message?.text).toMatch(/^Marked \(12.0, 3.0\)/);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.cuboids()).toHaveLength(1);
    expect(ed.store.getState().ui.message).toBeNull();
    const again = withFindings([cluster(12, 3, { suggestedLabel: 'Pedestrian' })]);
    again.keyDown('n');
    await again.settle();
    again.keyDown('1');
    const notice = again.store.getState().ui.message?.text;
    again.keyDown('z', { ctrlKey: true });
    expect(again.cuboids()[0].label).toBe('Pedestrian');
    expect(again.store.getState().ui.message?.text).toBe(notice);
  });

  it('does nothing without a finding in view, nor on N’s box once the user moved on to another box', async () => {
    const ed = withFindings([cluster(12, 3, { suggestedLabel: 'Pedestrian' })]);
    ed.keyDown('x');
    expect(ed.doc().dismissals).toEqual([]);
    expect(ed.store.getState().ui.message?.text).toMatch(/press N first, or click a missed-object pin/);
    ed.keyDown('n');
    await ed.settle();
    const nBox = ed.selectedIds()[0];
    ed.store.getState().select([]);
    ed.keyDown('x');
    expect(ed.cuboid(nBox)).toBeDefined();
    expect(ed.doc().dismissals).toEqual([]);
  });

  it('takes a finding from a button (checks row, pin card), sizes it from the cluster or 1.5 m, and refuses twice or when locked', () => {
    const ed = withFindings([cluster(12, 3, { radius: 30 }), cluster(30, 8)]);
    ed.executeAction('dismissFinding', {}, { location: [12, 3, -1], suggestedLabel: 'Van', radius: 30 });
    ed.executeAction('dismissFinding', {}, { location: [30, 8, -1] });
    // A wall-sized cluster is clamped to 8 m; without a size the default covers a post or a bush.
    expect(ed.doc().dismissals.map((d) => [d.radius, d.label])).toEqual([
      [8, 'Van'],
      [1.5, undefined],
    ]);
    ed.executeAction('dismissFinding', {}, { location: [30.5, 8, -1] });
    expect(ed.doc().dismissals).toHaveLength(2);
    expect(ed.store.getState().ui.message?.text).toMatch(/already marked "not an object"/);
    ed.store.getState().setEditLock('Frame 000000 is submitted and waits for review.');
    ed.executeAction('dismissFinding', {}, { location: [50, 0, -1] });
    expect(ed.doc().dismissals).toHaveLength(2);
    expect(ed.store.getState().ui.message?.text).toBe('Frame 000000 is submitted and waits for review.');
    // Taking a mark back is refused while locked too, and works once the lock is gone.
    const id = ed.doc().dismissals[0].id;
    ed.executeAction('removeDismissal', {}, id);
    expect(ed.doc().dismissals).toHaveLength(2);
    ed.store.getState().setEditLock(null);
    ed.executeAction('removeDismissal', {}, id);
    expect(ed.doc().dismissals.map((d) => d.location)).toEqual([[30, 8, -1]]);
  });

  it('a click on a pin focuses its finding, and X then dismisses it', () => {
    const ed = withFindings([cluster(12, 3, { suggestedLabel: 'Car' })]);
    ed.store.getState().focusFinding({ frameId: ed.doc().frameId, location: [12, 3, -1], suggestedLabel: 'Car' });
    ed.keyDown('x');
    expect(ed.doc().dismissals.map((d) => d.label)).toEqual(['Car']);
    expect(ed.store.getState().focusedFinding).toBeNull();
  });

  it('is in the key map and the ? list as X', () => {
    const ed = withFindings([]);
    const row = listShortcuts(ed.store.getState()).find((s) => s.id === 'dismissFinding');
    expect(row?.display).toEqual(['X']);
    expect(row?.label).toMatch(/^Not an object/);
  });
});
