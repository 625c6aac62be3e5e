import { describe, expect, it } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';
import { DEFAULT_ACTIONS } from '../../../src/actions/defaultActions.ts';
import { parseKeySpec } from '../../../src/actions/keyMatching.ts';
import { listShortcuts } from '../../../src/actions/listShortcuts.ts';

describe('ActionRegistry', () => {
  it('has unique ids and no key spec bound twice', () => {
    const ids = DEFAULT_ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const specs = DEFAULT_ACTIONS.flatMap((a) => a.keys.map((k) => JSON.stringify(parseKeySpec(k))));
    expect(specs.filter((s, i) => specs.indexOf(s) !== i)).toEqual([]);
  });

  it('lists every shortcut for the help overlay, with state-dependent labels', () => {
    const ed = new TestEditor();
    const rows = ed.actions.listShortcuts();
    // Every action with keys, but 9: the KITTI palette has 8 box classes (no "Class: —" row).
    expect(rows.length).toBe(DEFAULT_ACTIONS.filter((a) => a.keys.length > 0).length - 1);
    expect(rows.some((r) => r.id === 'setClass9')).toBe(false);
    expect(rows.find((r) => r.id === 'setClass1')).toMatchObject({ label: 'Class: Car', display: ['1'], group: 'class' });
    expect(rows.find((r) => r.id === 'undo')).toMatchObject({ display: ['Ctrl+Z'] });
    expect(rows.find((r) => r.id === 'deleteSelection')?.enabled).toBe(false);
    ed.store.getState().setPalette(['Bus', 'Bike']);
    expect(ed.actions.listShortcuts().find((r) => r.id === 'setClass2')?.label).toBe('Class: Bike');
    expect(ed.actions.isEnabled('setClass3')).toBe(false);
    expect(ed.actions.listShortcuts().some((r) => r.id === 'setClass3')).toBe(false);
    expect(listShortcuts(ed.store.getState())).toEqual(ed.actions.listShortcuts());
    expect(listShortcuts(ed.store.getState()).some((r) => r.id === 'updateCuboid')).toBe(false);
  });

  it('runs shortcuts pressed on a checkbox, which takes no typing', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')] });
    ed.store.getState().select(['a']);
    expect(ed.actions.handleKeyDown({ key: 'Delete', shiftKey: false, ctrlKey: false, altKey: false, target: { tagName: 'INPUT', type: 'checkbox' } })).toBe(
      true,
    );
    expect(ed.cuboids()).toHaveLength(0);
  });

  it('ignores keys typed into inputs and text areas', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')] });
    ed.store.getState().select(['a']);
    const input = { tagName: 'input' };
    expect(ed.actions.handleKeyDown({ key: 'Delete', shiftKey: false, ctrlKey: false, altKey: false, target: input })).toBe(false);
    expect(ed.actions.handleKeyDown({ key: 'x', shiftKey: false, ctrlKey: false, altKey: false, target: { isContentEditable: true } })).toBe(false);
    expect(ed.cuboids()).toHaveLength(1);
    let prevented = false;
    ed.actions.handleKeyDown({
      key: 'Delete',
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      target: { tagName: 'CANVAS' },
      preventDefault: () => (prevented = true),
    });
    expect(ed.cuboids()).toHaveLength(0);
    expect(prevented).toBe(true);
  });

  it('does not run an action whose predicate fails, and rejects unknown ids', () => {
    const ed = new TestEditor();
    expect(ed.executeAction('deleteSelection')).toBe(false);
    expect(ed.keyDown('Delete')).toBe(false);
    expect(() => ed.executeAction('fly')).toThrow('ActionRegistry: unknown action "fly"');
  });

  it('Escape closes the help overlay before it touches the selection', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')] });
    ed.store.getState().select(['a']);
    ed.keyDown('?', { shiftKey: true });
    expect(ed.store.getState().ui.helpOpen).toBe(true);
    ed.keyDown('Escape');
    expect(ed.store.getState().ui.helpOpen).toBe(false);
    expect(ed.selectedIds()).toEqual(['a']);
    ed.keyDown('Escape');
    expect(ed.selectedIds()).toEqual([]);
  });

  it('rejects registering an id twice', () => {
    const ed = new TestEditor();
    expect(() => ed.actions.register(DEFAULT_ACTIONS[0])).toThrow(/duplicate action id/);
  });
});
