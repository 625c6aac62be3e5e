import type { EditorServices } from '../tools/EditorServices.ts';
import type { Action, ActionContext } from './Action.ts';

export type { Action, ActionContext };

type PageCommandKey = 'review' | 'session' | 'dictionary' | 'conflict' | 'frames' | 'tracks';

/** The commands of one page service, as the actions see them. */
export type ServiceOf<K extends PageCommandKey> = NonNullable<EditorServices[K]>;

/** A page service an action needs; an editor built without it refuses the command by name. */
export function commandsOf<K extends PageCommandKey>(ctx: ActionContext, key: K): NonNullable<EditorServices[K]> {
  const service = ctx.services[key];
  if (!service) throw new Error(`This editor has no ${key} service: the host did not wire one.`);
  return service as NonNullable<EditorServices[K]>;
}
