import type { ToolContext } from './ToolContext.ts';
import type { CancelEvent, KeyEvent, PointerEvent, ToolEvent } from './ToolEvent.ts';

/** A state class: `new (ctx, parent)` with a static snake_case `id`. */
export interface StateNodeClass {
  new (ctx: ToolContext, parent: StateNode | null): StateNode;
  id: string;
}

/**
 * A node of a hierarchical state machine (after tldraw's `StateNode`). A node with children has
 * one active child; events go to the node's own handler first, then down to the active child
 * (unless the handler changed the active child). A state moves on by asking its parent:
 * `this.parent.transition('translating', info)`; the old child gets `onExit`, the new one
 * `onEnter(info, fromId)`.
 *
 * Subclasses declare `static override id = 'snake_case'`, and parents
 * `static override children = () => [Idle, Translating]` with `static override initial = 'idle'`.
 */
export abstract class StateNode {
  static id = '';
  static children?: () => StateNodeClass[];
  static initial?: string;

  readonly id: string;
  readonly parent: StateNode | null;
  readonly ctx: ToolContext;
  readonly children: Map<string, StateNode> = new Map();
  current: StateNode | null = null;

  constructor(ctx: ToolContext, parent: StateNode | null) {
    const cls = this.constructor as typeof StateNode;
    this.id = cls.id;
    this.parent = parent;
    this.ctx = ctx;
    for (const Child of cls.children?.() ?? []) {
      this.children.set(Child.id, new Child(ctx, this));
    }
    if (this.children.size > 0) {
      const initial = cls.initial ?? this.children.keys().next().value!;
      this.current = this.child(initial);
    }
  }

  onEnter?(info: unknown, from: string): void;
  onExit?(info: unknown, to: string): void;
  onPointerDown?(event: PointerEvent): void;
  onPointerMove?(event: PointerEvent): void;
  onPointerUp?(event: PointerEvent): void;
  onKeyDown?(event: KeyEvent): void;
  onCancel?(event: CancelEvent): void;

  /** The store (shorthand). */
  get store() {
    return this.ctx.store;
  }

  child(id: string): StateNode {
    const node = this.children.get(id);
    if (!node) throw new Error(`StateNode: "${this.id}" has no child state "${id}"`);
    return node;
  }

  /** Dot path of the active states below and including this node (`select.translating`). */
  getPath(): string {
    return this.current ? `${this.id}.${this.current.getPath()}` : this.id;
  }

  /** Makes child `id` active: exits the current child (and its subtree), enters the new one. */
  transition(id: string, info: unknown = {}): void {
    const next = this.child(id);
    const prev = this.current;
    prev?.exit(info, id);
    this.current = next;
    next.enter(info, prev?.id ?? '');
    this.ctx.publishPath();
  }

  enter(info: unknown, from: string): void {
    this.onEnter?.(info, from);
    // Entering a parent re-enters its initial child, as a fresh visit to the tool.
    const cls = this.constructor as typeof StateNode;
    if (this.children.size > 0) {
      this.current = this.child(cls.initial ?? this.children.keys().next().value!);
      this.current.enter(info, from);
    }
  }

  exit(info: unknown, to: string): void {
    this.current?.exit(info, to);
    this.onExit?.(info, to);
  }

  handleEvent(event: ToolEvent): void {
    const before = this.current;
    switch (event.type) {
      case 'pointer_down':
        this.onPointerDown?.(event);
        break;
      case 'pointer_move':
        this.onPointerMove?.(event);
        break;
      case 'pointer_up':
        this.onPointerUp?.(event);
        break;
      case 'key_down':
        this.onKeyDown?.(event);
        break;
      case 'cancel':
        this.onCancel?.(event);
        break;
    }
    if (before && this.current === before) before.handleEvent(event);
  }
}
