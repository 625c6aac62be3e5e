import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { ToolManager } from '../../../src/tools/ToolManager.ts';
import { StateNode, type StateNodeClass } from '../../../src/tools/StateNode.ts';
import { nullServices } from '../../../src/tools/EditorServices.ts';
import type { PointerEvent } from '../../../src/tools/ToolEvent.ts';
import { pointerEvent } from '../../../src/tools/ToolEvent.ts';

const log: string[] = [];

class Waiting extends StateNode {
  static override id = 'waiting';
  override onEnter(_info: unknown, from: string) {
    log.push(`enter waiting from ${from}`);
  }
  override onExit(_info: unknown, to: string) {
    log.push(`exit waiting to ${to}`);
  }
  override onPointerDown(e: PointerEvent) {
    this.parent!.transition('busy', { x: e.point[0] });
  }
}

class Busy extends StateNode {
  static override id = 'busy';
  override onEnter(info: { x: number }) {
    log.push(`enter busy x=${info.x}`);
  }
  override onCancel() {
    this.parent!.transition('waiting');
  }
}

class Probe extends StateNode {
  static override id = 'probe';
  static override initial = 'waiting';
  static override children = (): StateNodeClass[] => [Waiting, Busy];
  override onPointerDown() {
    log.push('probe saw pointer_down first');
  }
}

class Other extends StateNode {
  static override id = 'other';
}

describe('ToolManager and StateNode', () => {
  it('routes events parent-first down the active path and mirrors the path in the store', () => {
    log.length = 0;
    const store = createAppStore();
    const tools = new ToolManager(store, nullServices, [Probe, Other]);
    expect(tools.path).toBe('probe.waiting');
    expect(store.getState().tool).toEqual({ id: 'probe', path: 'probe.waiting' });
    tools.handle(pointerEvent('pointer_down', [7, 0, 0], { kind: 'none' }));
    expect(log).toEqual(['enter waiting from ', 'probe saw pointer_down first', 'exit waiting to busy', 'enter busy x=7']);
    expect(store.getState().tool.path).toBe('probe.busy');
    tools.handle({ type: 'key_down', key: 'Escape', shiftKey: false, altKey: false, ctrlKey: false });
    expect(tools.path).toBe('probe.waiting');
  });

  it('switching tools exits the old subtree and enters the new tool', () => {
    log.length = 0;
    const store = createAppStore();
    const tools = new ToolManager(store, nullServices, [Probe, Other]);
    tools.setTool('other');
    expect(tools.toolId).toBe('other');
    expect(store.getState().tool).toEqual({ id: 'other', path: 'other' });
    expect(log).toContain('exit waiting to other');
    expect(() => tools.setTool('lasso')).toThrow('ToolManager: unknown tool "lasso"');
    expect(tools.toolIds()).toEqual(['probe', 'other']);
  });

  it('remembers the last pointer event for keyboard commands', () => {
    const tools = new ToolManager(createAppStore(), nullServices);
    expect(tools.lastPointer).toBeNull();
    tools.handle(pointerEvent('pointer_move', [1, 2, 3], { kind: 'ground' }, 'main'));
    expect(tools.lastPointer?.point).toEqual([1, 2, 3]);
  });
});
