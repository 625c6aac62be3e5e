import { describe, expect, it } from 'vitest';
import { filterClassRules } from '../../../src/ui/filterClassRules.ts';

const classes = {
  Car: { definition: 'Passenger cars, including SUVs and small vans.' },
  Cyclist: { definition: 'A person riding a bicycle, boxed together with the bicycle.' },
  Pedestrian: { definition: 'A person standing or walking.' },
};

describe('filterClassRules', () => {
  it('keeps every class for an empty or blank query', () => {
    expect(filterClassRules(classes, '').map(([n]) => n)).toEqual(['Car', 'Cyclist', 'Pedestrian']);
    expect(filterClassRules(classes, '   ')).toHaveLength(3);
  });

  it('matches the definition text, case-insensitively', () => {
    expect(filterClassRules(classes, 'Bicycle').map(([n]) => n)).toEqual(['Cyclist']);
    expect(filterClassRules(classes, 'person').map(([n]) => n)).toEqual(['Cyclist', 'Pedestrian']);
  });

  it('matches the class name, and needs every word', () => {
    expect(filterClassRules(classes, 'car').map(([n]) => n)).toEqual(['Car']);
    expect(filterClassRules(classes, 'person walking').map(([n]) => n)).toEqual(['Pedestrian']);
    expect(filterClassRules(classes, 'bicycle walking')).toEqual([]);
  });
});
