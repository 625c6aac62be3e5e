import { describe, expect, it } from 'vitest';
import { toolHintText } from '../../../src/ui/toolHintText.ts';

describe('toolHintText', () => {
  it('describes the tool of a state path, whatever its state', () => {
    expect(toolHintText('select.idle')).toMatch(/^Select — click a box/);
    expect(toolHintText('select.translating')).toBe(toolHintText('select.idle'));
    expect(toolHintText('draw.dragging')).toMatch(/^Draw — drag a rectangle/);
    expect(toolHintText('fit.pointing')).toMatch(/^Fit — click an object/);
  });

  it('gives no editing hints on a frame locked for this user (a reviewer)', () => {
    expect(toolHintText('select.idle', true)).toBe('Select — click a box to look at it (this frame is locked for editing)');
    expect(toolHintText('select.idle', true)).not.toMatch(/drag/);
  });

  it('falls back to the tool id for a tool it does not know', () => {
    expect(toolHintText('measure.idle')).toBe('measure');
  });
});
