import { expect } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/createAppStore.ts';
import { createEditor } from '../../src/actions/createEditor.ts';
import type { ActionRegistry } from '../../src/actions/ActionRegistry.ts';
import type { KeyInput } from '../../src/actions/Action.ts';
import type { ToolManager } from '../../src/tools/ToolManager.ts';
import type { EditorServices, FitOptions, FitResult, FitService, GroundProvider, NavigationService, SaveService } from '../../src/tools/EditorServices.ts';
import { pointerEvent, type Hit, type Modifiers, type Point3, type PointerEvent, type ViewId } from '../../src/tools/ToolEvent.ts';

/** Modifiers and optional extras of a synthesized pointer event. */
export type PointerMods = Partial<Modifiers> & Pick<PointerEvent, 'screen' | 'viewYaw'>;
import { emptyAnnotation, type FrameAnnotation } from '../../src/domain/document/FrameAnnotation.ts';
import { createCuboid, type CreateCuboidInput } from '../../src/domain/document/cuboidOps.ts';
import type { Cuboid } from '../../src/domain/types.ts';
import type { FrameListItem } from '../../src/domain/document/FrameListItem.ts';

/** A fit service that answers from a function (default: a 4×1.8×1.5 car centred at the click, ground −1.7). */
export class FakeFitService implements FitService {
  calls: { frameId: string; point: Point3; options: FitOptions }[] = [];
  answer: (point: Point3, options: FitOptions) => FitResult | null = (point, options) => ({
    center: [point[0], point[1], -1.7 + 0.75],
    size: [4, 1.8, 1.5],
    yaw: options.headingIndex ? [0.3, 0.3 + Math.PI / 2, 0.3 + Math.PI][options.headingIndex % 3] : 0.3,
    pointCount: 250,
    headingCandidates: [0.3, 0.3 + Math.PI / 2, 0.3 + Math.PI],
  });
  /** Resolve fits only when `release()` is called (to test results arriving late). */
  hold = false;
  private held: (() => void)[] = [];

  async fit(frameId: string, point: Point3, options: FitOptions): Promise<FitResult | null> {
    this.calls.push({ frameId, point, options });
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    return this.answer(point, options);
  }

  release(): void {
    for (const r of this.held.splice(0)) r();
  }
}

/** Flat ground at `z` (null = unknown). */
export class FakeGround implements GroundProvider {
  z: number | null = -1.7;
  groundZ(): number | null {
    return this.z;
  }
}

/** Records opened frames and loads a document for them (from `docs`, else empty). */
export class FakeNavigation implements NavigationService {
  opened: string[] = [];
  docs: Record<string, FrameAnnotation> = {};
  constructor(private store: AppStore) {}
  openFrame(frameId: string): void {
    this.opened.push(frameId);
    this.store.getState().setCurrentFrame(frameId);
    this.store.getState().loadDoc(this.docs[frameId] ?? emptyAnnotation(frameId));
  }
}

export class FakeSave implements SaveService {
  count = 0;
  async saveNow(): Promise<void> {
    this.count++;
  }
}

export function frameItem(id: string): FrameListItem {
  return { id, pointsFile: `${id}.bin`, hasCalib: true, hasImage: false, hasLabel: false, pointCount: 1000, status: 'todo', boxCount: 0, revision: 0 };
}

/** A cuboid with test defaults (a car at x=10, bottom on z=−1.7). */
export function testCuboid(id: string, input: Partial<CreateCuboidInput> = {}): Cuboid {
  return createCuboid({ id, trackId: `t-${id}`, label: 'Car', center: [10, 0, -0.95], size: [4, 2, 1.5], yaw: 0, source: 'manual', ...input });
}

/**
 * A headless editor for tool and action tests (after tldraw's TestEditor): a fresh store, the
 * tool manager and the action registry, with fake services. Pointer and key helpers return
 * `this` so that gestures chain.
 */
export class TestEditor {
  readonly store: AppStore;
  readonly tools: ToolManager;
  readonly actions: ActionRegistry;
  readonly fit = new FakeFitService();
  readonly ground = new FakeGround();
  readonly navigation: FakeNavigation;
  readonly saver = new FakeSave();

  constructor(options: { frameId?: string | null; cuboids?: Cuboid[]; frames?: string[] } = {}) {
    this.store = createAppStore();
    this.navigation = new FakeNavigation(this.store);
    const services: EditorServices = { fit: this.fit, ground: this.ground, navigation: this.navigation, save: this.saver };
    const editor = createEditor(this.store, services);
    this.tools = editor.tools;
    this.actions = editor.actions;
    const frameId = options.frameId === undefined ? '000000' : options.frameId;
    if (options.frames) this.store.getState().setFrames(options.frames.map(frameItem));
    if (frameId !== null) {
      this.store.getState().setCurrentFrame(frameId);
      this.store.getState().loadDoc({ ...emptyAnnotation(frameId), cuboids: options.cuboids ?? [] });
    }
  }

  pointerDown(point: Point3, hit: Hit = { kind: 'ground' }, view: ViewId = 'top', mods: PointerMods = {}): this {
    this.tools.handle(pointerEvent('pointer_down', point, hit, view, mods));
    return this;
  }

  pointerMove(point: Point3, hit: Hit = { kind: 'ground' }, view: ViewId = 'top', mods: PointerMods = {}): this {
    this.tools.handle(pointerEvent('pointer_move', point, hit, view, mods));
    return this;
  }

  pointerUp(point: Point3, hit: Hit = { kind: 'ground' }, view: ViewId = 'top', mods: PointerMods = {}): this {
    this.tools.handle(pointerEvent('pointer_up', point, hit, view, mods));
    return this;
  }

  /** Press on `hit` at `from`, move to `to` in two steps, release there. */
  drag(from: Point3, to: Point3, hit: Hit = { kind: 'ground' }, view: ViewId = 'top', mods: PointerMods = {}): this {
    const mid: Point3 = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2, (from[2] + to[2]) / 2];
    return this.pointerDown(from, hit, view, mods).pointerMove(mid, hit, view, mods).pointerMove(to, hit, view, mods).pointerUp(to, hit, view, mods);
  }

  /** Click without moving. */
  click(point: Point3, hit: Hit = { kind: 'ground' }, view: ViewId = 'top', mods: PointerMods = {}): this {
    return this.pointerDown(point, hit, view, mods).pointerUp(point, hit, view, mods);
  }

  /** A key press through the app's key handler (actions first, then the tool). */
  keyDown(key: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): boolean {
    return this.actions.handleKeyDown({ key, shiftKey: false, ctrlKey: false, altKey: false, ...mods });
  }

  executeAction(id: string, mods: Partial<Omit<KeyInput, 'key'>> = {}, value?: unknown): boolean {
    return this.actions.executeAction(id, { key: '', shiftKey: false, ctrlKey: false, altKey: false, ...mods }, value);
  }

  /** Waits for tracked async work (fits, refits). */
  settle(): Promise<void> {
    return this.tools.settle();
  }

  setTool(id: string): this {
    this.tools.setTool(id);
    return this;
  }

  expectToBeIn(path: string): this {
    expect(this.tools.path).toBe(path);
    expect(this.store.getState().tool.path).toBe(path);
    return this;
  }

  doc(): FrameAnnotation {
    const doc = this.store.getState().doc;
    if (!doc) throw new Error('TestEditor: no document loaded');
    return doc;
  }

  cuboids(): Cuboid[] {
    return this.doc().cuboids;
  }

  cuboid(id: string): Cuboid {
    const c = this.cuboids().find((x) => x.id === id);
    if (!c) throw new Error(`TestEditor: no cuboid "${id}"`);
    return c;
  }

  selectedIds(): string[] {
    return this.store.getState().selectedIds;
  }

  drafts(): Cuboid[] {
    return this.store.getState().interaction.drafts;
  }

  undoSteps(): number {
    return this.store.temporal.getState().pastStates.length;
  }
}
