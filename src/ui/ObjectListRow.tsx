import type { MouseEvent } from 'react';
import { classColor } from '../render/classColors.ts';
import type { ObjectRow } from './objectListModel.ts';
import { EyeIcon, LockIcon } from './ObjectListIcons.tsx';

export interface ObjectListRowProps {
  row: ObjectRow;
  /** Offset from the top of the list, CSS pixels. */
  top: number;
  /** The keyboard's row in the list. */
  active: boolean;
  /** The box is selected in the editor. */
  selected: boolean;
  onPick: (e: MouseEvent) => void;
  onHide: () => void;
  onLock: () => void;
}

/** One row of the object list: a class heading or a box, with its eye and lock toggles. */
export function ObjectListRow({ row, top, active, selected, onPick, onHide, onLock }: ObjectListRowProps) {
  const isClass = row.kind === 'class';
  const cls = [
    'ol-row',
    isClass ? 'ol-class' : 'ol-box',
    active ? 'active' : '',
    selected ? 'selected' : '',
    row.hidden ? 'hidden' : '',
    row.locked ? 'locked' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const what = isClass ? `every ${row.label}` : 'this box';
  // A box hidden or locked by its class shows it, but its own toggle says what clicking does to the box itself.
  const hideOn = isClass ? row.hidden : row.ownHidden;
  const lockOn = isClass ? row.locked : row.ownLocked;
  return (
    <div
      id={`ol-${row.key}`}
      className={cls}
      role="option"
      aria-selected={selected}
      style={{ top }}
      onClick={onPick}
      data-testid={isClass ? `object-class-${row.label}` : `object-row-${row.id}`}
      title={isClass ? undefined : `${row.label}, ${row.trackId ? `${row.track} (${row.trackId})` : 'no track'}, ${row.range.toFixed(1)} m away`}
    >
      {isClass ? <span className="ol-caret">{row.collapsed ? '▸' : '▾'}</span> : null}
      <span className="swatch" style={{ background: classColor(row.label) }} />
      {isClass ? (
        <span className="ol-name">
          {row.label} <span className="muted">{row.shown === row.count ? row.count : `${row.shown}/${row.count}`}</span>
        </span>
      ) : (
        <span className="ol-name">
          {row.trackId === null ? (
            <span className="ol-range">{row.range.toFixed(1)} m</span>
          ) : (
            <>
              {/* "#12" keeps the distance in view beside the badges; the tooltip and the search say "Track 12". */}
              <span title={row.track}>{row.trackNo !== null ? `#${row.trackNo}` : row.track}</span>{' '}
              <span className="muted ol-range">{row.range.toFixed(1)} m</span>
            </>
          )}
        </span>
      )}
      <span className="ol-status">
        {row.errors > 0 ? (
          <span className="ol-err" title={`${row.errors} check error${row.errors > 1 ? 's' : ''}`}>
            {row.errors}
          </span>
        ) : null}
        {row.warnings > 0 ? (
          <span className="ol-warn" title={`${row.warnings} check warning${row.warnings > 1 ? 's' : ''}`}>
            {row.warnings}
          </span>
        ) : null}
        {row.flags > 0 ? (
          <span className="ol-flag" title={isClass ? `${row.flags} flagged` : `${row.flags} open review flag${row.flags > 1 ? 's' : ''}`}>
            ⚑{row.flags > 1 ? row.flags : ''}
          </span>
        ) : null}
        {row.kind === 'box' && row.attention ? (
          <span className="ol-attn" title="Needs attention: propagation could not place it with confidence">
            !
          </span>
        ) : null}
      </span>
      <button
        type="button"
        tabIndex={-1}
        className={hideOn ? 'ol-toggle on' : 'ol-toggle'}
        aria-pressed={hideOn}
        title={hideOn ? `Show ${what}` : `Hide ${what}`}
        onClick={(e) => {
          e.stopPropagation();
          onHide();
        }}
        data-testid={isClass ? `hide-class-${row.label}` : `hide-box-${row.id}`}
      >
        <EyeIcon off={row.hidden} />
      </button>
      <button
        type="button"
        tabIndex={-1}
        className={lockOn ? 'ol-toggle on' : 'ol-toggle'}
        aria-pressed={lockOn}
        title={lockOn ? `Unlock ${what}` : `Lock ${what} (no selecting in the views, no edits)`}
        onClick={(e) => {
          e.stopPropagation();
          onLock();
        }}
        data-testid={isClass ? `lock-class-${row.label}` : `lock-box-${row.id}`}
      >
        <LockIcon on={row.locked} />
      </button>
    </div>
  );
}
