import type { ReviewStep } from '../../domain/api/wireTypes.ts';
import { useAppStore } from '../../render/EditorContext.ts';
import { ruleTitle } from '../ruleTitles.ts';
import { whoName } from '../whoName.ts';

const VERB: Record<string, string> = {
  submit: 'submitted',
  accept: 'accepted',
  reject: 'rejected',
  flag_add: 'flagged a box',
  flag_update: 'moved a flag',
  assign: 'reassigned',
};

/** The frame's review steps, newest first; a submit shows every check error overridden and its reason. */
export function ReviewHistory() {
  const history = useAppStore((s) => s.review.info?.history);
  const me = useAppStore((s) => s.session.user?.name);
  if (history === undefined) return null;
  if (history.length === 0) return <p className="muted">No review steps yet: submits, flags, accepts and rejects appear here.</p>;
  return (
    <ol className="review-history" data-testid="review-history" reversed>
      {[...history].reverse().map((h, i) => (
        <li key={`${h.at}-${i}`}>
          <span className="muted">{new Date(h.at).toLocaleString()}</span> {whoName(h.user, me, 'someone')} {describe(h)}
          {h.action === 'submit' && overridesOf(h).length > 0 && (
            <ul className="history-overrides" data-testid="history-overrides">
              {overridesOf(h).map((o, k) => (
                <li key={k}>
                  <strong title={`Rule: ${o.ruleId}`}>{ruleTitle(o.ruleId)}</strong>: {o.message} — <em>“{o.reason}”</em>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function describe(h: ReviewStep): string {
  const verb = VERB[h.action] ?? h.action;
  if (h.action === 'flag_update') return `set a flag ${String(h.detail.from)} → ${String(h.detail.to)}`;
  // A flag without a box points at a place: a missed object.
  if (h.action === 'flag_add' && h.detail.cuboidId === null)
    return h.revision !== null ? `flagged a missed object (r${h.revision})` : 'flagged a missed object';
  if (h.action === 'reject' && typeof h.detail.comment === 'string') return `${verb}: “${h.detail.comment}”`;
  return h.revision !== null ? `${verb} (r${h.revision})` : verb;
}

function overridesOf(h: ReviewStep): { ruleId: string; message: string; reason: string }[] {
  const list = h.detail.overrides;
  return Array.isArray(list) ? (list as { ruleId: string; message: string; reason: string }[]) : [];
}
