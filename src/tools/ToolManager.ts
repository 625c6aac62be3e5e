import type { AppStore } from '../state/createAppStore.ts';
import type { EditorServices } from './EditorServices.ts';
import { StateNode, type StateNodeClass } from './StateNode.ts';
import type { ToolContext } from './ToolContext.ts';
import type { PointerEvent, ToolEvent } from './ToolEvent.ts';
import { SelectTool } from './select/SelectTool.ts';
import { DrawTool } from './draw/DrawTool.ts';
import { FitTool } from './fit/FitTool.ts';

/** The tools in toolbar order; the first is active at start. */
export const DEFAULT_TOOLS: StateNodeClass[] = [SelectTool, DrawTool, FitTool];

/**
 * Owns the root of the tool state machine and is the single entry point for input:
 * the renderer turns DOM/r3f events into `ToolEvent`s (hits already resolved) and calls
 * `handle(event)`. The active path (`'select.translating'`) is mirrored to the store's
 * `tool.path` after every event and transition.
 *
 * @example
 * const tools = new ToolManager(appStore, services);
 * tools.handle(pointerEvent('pointer_down', [10, 2, -1.6], { kind: 'cuboid', id }, 'top'));
 */
export class ToolManager {
  readonly root: StateNode;
  readonly ctx: ToolContext;
  private last: PointerEvent | null = null;
  private pending = new Set<Promise<unknown>>();
  private unsubscribe: () => void;

  constructor(
    readonly store: AppStore,
    readonly services: EditorServices,
    tools: StateNodeClass[] = DEFAULT_TOOLS,
  ) {
    this.ctx = {
      store,
      services,
      track: (work) => this.track(work),
      lastPointer: () => this.last,
      publishPath: () => this.store.getState().setToolPath(this.path),
    };
    class Root extends StateNode {
      static override id = 'root';
      static override children = () => tools;
      static override initial = tools[0].id;
    }
    this.root = new Root(this.ctx, null);
    this.root.current?.enter({}, '');
    this.ctx.publishPath();
    // A new document (frame switch, conflict resolution) aborts any gesture in progress.
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.docLoadCount !== prev.docLoadCount && !this.path.endsWith('.idle')) this.handle({ type: 'cancel' });
    });
  }

  /** Active state path below the root, e.g. `'draw.dragging'`. */
  get path(): string {
    return this.root.current ? this.root.current.getPath() : '';
  }

  /** Id of the active tool. */
  get toolId(): string {
    return this.root.current?.id ?? '';
  }

  /** The last pointer event seen, for keyboard commands that act "at the cursor". */
  get lastPointer(): PointerEvent | null {
    return this.last;
  }

  /**
   * Routes one event down the active path. Pointer moves also update the hovered box. A
   * `key_down` of Escape is delivered as `cancel`.
   */
  handle(event: ToolEvent): void {
    if (event.type === 'pointer_down' || event.type === 'pointer_move' || event.type === 'pointer_up') {
      this.last = event;
      if (event.type === 'pointer_move') {
        this.store.getState().setHovered(event.hit.kind === 'cuboid' ? event.hit.id : null);
      }
    }
    const routed: ToolEvent = event.type === 'key_down' && event.key === 'Escape' ? { type: 'cancel' } : event;
    this.root.handleEvent(routed);
    this.ctx.publishPath();
  }

  /** Switches tool (cancelling any gesture of the current one). No-op if already active. */
  setTool(id: string): void {
    if (this.toolId === id) return;
    if (!this.root.children.has(id)) throw new Error(`ToolManager: unknown tool "${id}"`);
    this.root.transition(id);
  }

  /** Ids of the registered tools, in order. */
  toolIds(): string[] {
    return [...this.root.children.keys()];
  }

  /** Keeps a reference to async work started by a state so `settle()` can wait for it. */
  track(work: Promise<unknown>): void {
    const p = work.finally(() => this.pending.delete(p));
    this.pending.add(p);
    p.catch(() => undefined);
  }

  /** Resolves once all tracked async work (fits) has finished. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops listening to the store. */
  dispose(): void {
    this.unsubscribe();
  }
}
