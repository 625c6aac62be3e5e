import type { NewFlagInput } from '../io/apiClient.ts';
import type { ReviewFlag } from '../domain/document/FrameAnnotation.ts';
import type { SubmitOverride } from '../domain/review/matchOverrides.ts';
import type { Action, ActionContext, ServiceOf } from './pageCommandHelpers.ts';
import { commandsOf } from './pageCommandHelpers.ts';

const review = (ctx: ActionContext): ServiceOf<'review'> => commandsOf(ctx, 'review');
const notBusy = (s: { review: { busy: string | null } }) => s.review.busy === null;

/**
 * The review panel's commands (no keys): each runs one step of `services.review` on the open frame.
 * `value` carries the step's input; `ok` tells the panel whether it went through.
 */
export const reviewActions: Action[] = [
  {
    id: 'loadReview',
    label: 'Reload the review state',
    keys: [],
    group: 'review',
    perform: async (ctx) => {
      const frameId = typeof ctx.value === 'string' ? ctx.value : ctx.store.getState().currentFrameId;
      if (frameId !== null) await review(ctx).load(frameId);
    },
  },
  {
    id: 'setDiffRange',
    label: 'Compare revisions',
    keys: [],
    group: 'review',
    perform: async (ctx) => {
      await review(ctx).setDiffRange((ctx.value ?? {}) as { from?: number; to?: number });
    },
  },
  {
    id: 'submitFrame',
    label: 'Submit for review',
    keys: [],
    group: 'review',
    predicate: notBusy,
    perform: async (ctx) => ({ ok: await review(ctx).submit((ctx.value ?? []) as readonly SubmitOverride[]) }),
  },
  {
    id: 'cancelSubmit',
    label: 'Cancel the submit',
    keys: [],
    group: 'review',
    perform: (ctx) => review(ctx).cancelSubmit(),
  },
  {
    id: 'acceptFrame',
    label: 'Accept',
    keys: [],
    group: 'review',
    predicate: notBusy,
    perform: async (ctx) => ({ ok: await review(ctx).accept() }),
  },
  {
    id: 'rejectFrame',
    label: 'Reject',
    keys: [],
    group: 'review',
    predicate: notBusy,
    perform: async (ctx) => ({ ok: await review(ctx).reject(typeof ctx.value === 'string' ? ctx.value : '') }),
  },
  {
    id: 'addFlag',
    label: 'Add flag',
    keys: [],
    group: 'review',
    predicate: notBusy,
    perform: async (ctx) => ({ ok: await review(ctx).addFlag(ctx.value as NewFlagInput) }),
  },
  {
    id: 'setFlagState',
    label: 'Resolve, close or reopen a flag',
    keys: [],
    group: 'review',
    predicate: notBusy,
    perform: async (ctx) => {
      const { flagId, state } = ctx.value as { flagId: string; state: ReviewFlag['state'] };
      return { ok: await review(ctx).setFlagState(flagId, state) };
    },
  },
];
