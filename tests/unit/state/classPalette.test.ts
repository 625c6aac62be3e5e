import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { defaultDictionary } from '../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { removeClass, setClassRule } from '../../../src/domain/checks/dictionary/editDictionary.ts';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

describe("the class palette follows the team's dictionary", () => {
  it('adds the classes a team defined (number keys, the class list, sizes from their ranges) and drops the ones it removed', () => {
    const store = createAppStore();
    const scooter = {
      ...defaultDictionary.classes.Cyclist,
      size: { l: [1, 2] as [number, number], w: [0.4, 0.8] as [number, number], h: [1.2, 2] as [number, number] },
    };
    let dict = setClassRule(defaultDictionary, 'E_scooter', scooter);
    dict = removeClass(dict, 'Tram');
    store.getState().setCurrentClass('Pedestrian');
    store.getState().setDictionary(dict);
    const { classes } = store.getState();
    expect(classes.palette).toEqual(['Car', 'Van', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Misc', 'E_scooter']);
    expect(classes.sizes.E_scooter).toEqual([1.5, 0.6, 1.6]);
    expect(classes.sizes.Car).toEqual(createAppStore().getState().classes.sizes.Car);
    expect(classes.current).toBe('Pedestrian');
  });

  it('keeps the palette of a dictionary without box classes, and moves the current class to the first when it is gone', () => {
    const store = createAppStore();
    store.getState().setDictionary({ ...defaultDictionary, classes: {} });
    expect(store.getState().classes.palette).toContain('Car');
    store.getState().setCurrentClass('Tram');
    store.getState().setDictionary(removeClass(defaultDictionary, 'Tram'));
    expect(store.getState().classes.current).toBe('Car');
  });
});

describe('setClassByName (palette entries past the ninth)', () => {
  it('relabels the selected box as a palette class, and refuses a class not in the palette', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')] });
    const scooter = { ...defaultDictionary.classes.Cyclist };
    ed.store.getState().setDictionary(setClassRule(setClassRule(defaultDictionary, 'Bus', defaultDictionary.classes.Truck), 'E_scooter', scooter));
    expect(ed.store.getState().classes.palette).toHaveLength(10);
    ed.store.getState().select(['a']);
    ed.executeAction('setClassByName', {}, 'E_scooter');
    expect(ed.cuboid('a').label).toBe('E_scooter');
    expect(() => ed.executeAction('setClassByName', {}, 'Zeppelin')).toThrow(/not a palette class/);
  });
});
