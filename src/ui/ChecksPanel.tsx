import { useMemo } from 'react';
import type { CheckResult, Severity } from '../domain/checks/CheckResult.ts';
import { isDismissableFinding, withoutDismissed } from '../domain/document/dismissals.ts';
import { DismissalList } from './DismissalList.tsx';
import { useEditor, useAppStore } from '../render/EditorContext.ts';
import { ruleTitle } from './ruleTitles.ts';

const TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/**
 * The pre-check results of the open frame, re-run by the checks worker on every change: grouped by
 * severity, each with a jump to its box (or "Box it" and "Not an object" for an unlabelled cluster)
 * and a link to the dictionary entry it comes from; then the places marked "not an object".
 * Findings in dismissed places are not listed (the checks leave them out; this also hides them
 * before the checks have re-run).
 */
export function ChecksPanel() {
  const editor = useEditor();
  const checks = useAppStore((s) => s.checks);
  const cuboids = useAppStore((s) => s.doc?.cuboids);
  const dismissals = useAppStore((s) => s.doc?.dismissals);
  const frameId = useAppStore((s) => s.doc?.frameId);
  const focusFinding = useAppStore((s) => s.focusFinding);
  const locked = useAppStore((s) => s.editLock);
  const currentFrameId = useAppStore((s) => s.currentFrameId);
  const load = useAppStore((s) => s.load);
  // The frame's points could not be read: nothing can be checked (the card over the view says why).
  const pointsFailed = load.status === 'error' && load.frameId !== null && load.frameId === currentFrameId;
  // The points are in but the boxes are not (their label or calib file does not read): nothing to check.
  const labelsFailed = !pointsFailed && load.labelsError !== null && load.frameId === currentFrameId;
  const results = useMemo(() => withoutDismissed(checks.results, dismissals), [checks.results, dismissals]);
  const select = useAppStore((s) => s.select);
  const requestFraming = useAppStore((s) => s.requestFraming);
  const openSop = useAppStore((s) => s.openSop);
  const label = (id: string | null) => (id ? (cuboids?.find((c) => c.id === id)?.label ?? 'box') : null);
  const groups = (['error', 'warning', 'info'] as Severity[]).map((sev) => ({
    sev,
    items: results.filter((r) => r.severity === sev),
  }));
  return (
    <section className="panel checks" aria-label="Checks" data-testid="checks-panel" data-status={checks.status}>
      <h2>
        Checks{' '}
        <span className="muted">
          {pointsFailed || labelsFailed
            ? 'not run'
            : checks.status === 'preparing' || checks.status === 'running'
              ? 'running…'
              : checks.ms !== null
                ? checks.ms < 0.5
                  ? '< 1 ms'
                  : `${checks.ms.toFixed(0)} ms`
                : ''}
        </span>
      </h2>
      {pointsFailed ? (
        <p className="error" data-testid="checks-not-run">
          Not checked: the points of frame {load.frameId} could not be loaded ({load.error}). The checks, and Submit, need them: fix the point file, then Try
          again.
        </p>
      ) : null}
      {labelsFailed ? (
        <p className="error" data-testid="checks-not-run">
          Not checked: the {load.labelsErrorFile === 'calib' ? 'calib' : 'label file'} of frame {load.frameId} does not read, so its boxes are not open (the
          card over the view names the file). The checks, and Submit, need them.
        </p>
      ) : null}
      {!pointsFailed && !labelsFailed && checks.status === 'idle' && currentFrameId !== null ? (
        <p className="muted" data-testid="checks-waiting">
          The checks run once the frame’s points are in.
        </p>
      ) : null}
      {checks.calibProblem !== null && checks.frameId === currentFrameId ? (
        <p className="warning" data-testid="checks-calib-problem">
          The calib cannot be used: {checks.calibProblem}. Checked without the camera: missed objects are searched all around the sensor, not only in camera 2’s
          view.
        </p>
      ) : null}
      {checks.error ? <p className="error">{checks.error}</p> : null}
      {checks.status === 'done' && results.length === 0 ? <p className="ok">No findings.</p> : null}
      {groups.map(({ sev, items }) =>
        items.length === 0 ? null : (
          <details key={sev} open={sev !== 'info'} className={`check-group check-${sev}`}>
            <summary data-testid={`checks-${sev}`}>
              {TITLES[sev]} ({items.length})
            </summary>
            <ul>
              {items.map((r, i) => (
                <CheckItem
                  key={`${r.ruleId}-${r.cuboidId ?? i}-${r.otherCuboidId ?? ''}`}
                  result={r}
                  boxLabel={label(r.cuboidId)}
                  onJump={() => {
                    // Select the box (or nothing, for a place) and bring it into view.
                    if (r.cuboidId) {
                      select([r.cuboidId]);
                      requestFraming();
                    } else if (r.location) {
                      requestFraming(r.location);
                      if (frameId !== undefined && isDismissableFinding(r)) {
                        focusFinding({
                          frameId,
                          location: r.location,
                          ...(r.suggestedLabel !== undefined ? { suggestedLabel: r.suggestedLabel } : {}),
                          ...(r.radius !== undefined ? { radius: r.radius } : {}),
                        });
                      }
                    }
                  }}
                  onBoxIt={r.location && !r.cuboidId ? () => void editor.actions.executeAction('fitAtLocation', undefined, r.location) : undefined}
                  onDismiss={
                    isDismissableFinding(r)
                      ? () =>
                          void editor.actions.executeAction('dismissFinding', undefined, {
                            location: r.location,
                            suggestedLabel: r.suggestedLabel,
                            radius: r.radius,
                          })
                      : undefined
                  }
                  locked={locked}
                  onSop={r.dictionaryEntry ? () => openSop(r.dictionaryEntry) : undefined}
                />
              ))}
            </ul>
          </details>
        ),
      )}
      <DismissalList />
    </section>
  );
}

interface CheckItemProps {
  result: CheckResult;
  boxLabel: string | null;
  onJump: () => void;
  onBoxIt?: () => void;
  /** "Not an object", for a missed-object finding. */
  onDismiss?: () => void;
  /** Why the frame may not be edited now, or null. */
  locked?: string | null;
  onSop?: () => void;
}

function CheckItem({ result, boxLabel, onJump, onBoxIt, onDismiss, locked = null, onSop }: CheckItemProps) {
  return (
    <li className="check-item">
      <button type="button" className="check-jump" onClick={onJump} disabled={!result.cuboidId && !result.location} title={`Rule: ${result.ruleId}`}>
        <span className="check-rule" data-rule={result.ruleId}>
          {ruleTitle(result.ruleId)}
        </span>
        {boxLabel ? <span className="check-box">{boxLabel}</span> : null}
        <span className="check-message">{result.message}</span>
      </button>
      <span className="check-links">
        {onBoxIt ? (
          <button type="button" onClick={onBoxIt}>
            Box it
          </button>
        ) : null}
        {onDismiss ? (
          <button
            type="button"
            onClick={onDismiss}
            disabled={locked !== null}
            data-testid="check-dismiss"
            title={locked ?? 'Scenery, not an object: the checks and N leave this place alone (X)'}
          >
            Not an object
          </button>
        ) : null}
        {onSop ? (
          <button type="button" onClick={onSop} title={result.dictionaryEntry ?? ''}>
            SOP
          </button>
        ) : null}
      </span>
    </li>
  );
}
