import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore, usePage } from '../render/EditorContext.ts';
import { focusViewport } from './focusViewport.ts';
import { buildObjectList, moveIndex, scrollToShow, unknownStates, visibleRange, IS_WORDS, ROW_HEIGHT, type BoxRow, type ObjectRow } from './objectListModel.ts';
import { ObjectListRow } from './ObjectListRow.tsx';
import { plural } from './plural.ts';
import './objectList.css';

/** Height of the list's scrolling area, CSS pixels (about 14 rows). */
const VIEW_HEIGHT = 340;
const NO_RESULTS: never[] = [];

/**
 * Every box of the open frame by class, with its track, check errors and warnings and open review
 * flags, and counts per class. The search takes words (`class:car`, `#12`, `is:error`, any text).
 * Click a row (or ↑ ↓ / j k then Enter) to select and frame the box; Esc gives the keyboard back
 * to the viewport. The eye and lock of a class or a box hide it or lock it (not selectable in the
 * viewport, not editable). Only the rows in view are drawn, so 1,000 boxes scroll without lag.
 */
export function ObjectList() {
  const { store } = usePage();
  const doc = useAppStore((s) => s.doc);
  const checks = useAppStore((s) => s.checks);
  const visibility = useAppStore((s) => s.visibility);
  const palette = useAppStore((s) => s.classes.palette);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<readonly string[]>([]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const results = doc !== null && checks.frameId === doc.frameId ? checks.results : NO_RESULTS;
  const model = useMemo(
    () =>
      buildObjectList({
        cuboids: doc?.cuboids ?? [],
        results,
        flags: doc?.flags ?? [],
        visibility,
        palette,
        query,
        collapsed,
      }),
    [doc, results, visibility, palette, query, collapsed],
  );
  const rows = model.rows;
  const activeIndex = activeKey === null ? -1 : rows.findIndex((r) => r.key === activeKey);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const primary = selectedIds.at(-1) ?? null;

  const scrollTo = (index: number) => {
    const el = listRef.current;
    const view = el?.clientHeight || VIEW_HEIGHT;
    const next = scrollToShow(index, el?.scrollTop ?? scrollTop, view);
    if (el && next !== el.scrollTop) el.scrollTop = next;
    setScrollTop(next);
  };

  // The box selected elsewhere (viewport, Tab) becomes the list's active row, scrolled into view;
  // a cleared selection clears a box row's outline.
  useEffect(() => {
    // Nothing selected any more (Esc): a box row is no longer outlined as if it were.
    if (primary === null) {
      setActiveKey((key) => (key !== null && key.startsWith('box:') ? null : key));
      return;
    }
    const i = rows.findIndex((r) => r.key === `box:${primary}`);
    if (i < 0) return;
    setActiveKey(rows[i].key);
    const el = listRef.current;
    if (!el) return;
    const next = scrollToShow(i, el.scrollTop, el.clientHeight || VIEW_HEIGHT);
    if (next !== el.scrollTop) el.scrollTop = next;
    // Only when the selection changes, not on every edit of the rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [primary]);

  // `/` (findObject): the search field takes the keyboard. The key itself is not typed (the action prevented it).
  const searchRequest = visibility.searchRequest;
  useEffect(() => {
    if (searchRequest === 0) return;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [searchRequest]);

  const pickBox = (row: BoxRow, frame: boolean, additive = false) => {
    const s = store.getState();
    if (additive) s.toggleSelected(row.id);
    else s.select([row.id]);
    if (frame) s.requestFraming();
  };
  const toggleCollapsed = (label: string) => setCollapsed((c) => (c.includes(label) ? c.filter((x) => x !== label) : [...c, label]));
  const toggleHidden = (row: ObjectRow) => {
    const s = store.getState();
    if (row.kind === 'class') {
      s.setClassHidden(row.label);
      if (!row.hidden) s.select(s.selectedIds.filter((id) => s.doc?.cuboids.find((c) => c.id === id)?.label !== row.label));
    } else {
      s.setBoxHidden(row.id, !row.ownHidden);
      if (!row.ownHidden) s.select(s.selectedIds.filter((id) => id !== row.id));
    }
  };
  const toggleLocked = (row: ObjectRow) => {
    const s = store.getState();
    if (row.kind === 'class') s.setClassLocked(row.label);
    else s.setBoxLocked(row.id, !row.ownLocked);
  };

  // The list's own keys, on its element: they stop there, so ↑ ↓ and j k never reach the
  // editor's shortcuts (nudge, keyframe). Other keys (Delete, Q, E, ...) go on to the shortcuts.
  useEffect(() => {
    const el = listRef.current;
    if (!el) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const list = rows;
      const at = activeIndex;
      const pageRows = Math.max(1, Math.floor((el.clientHeight || VIEW_HEIGHT) / ROW_HEIGHT) - 1);
      const row = at >= 0 ? list[at] : undefined;
      let handled = true;
      const to = moveIndex(e.key, at, list.length, pageRows);
      if (to !== null) {
        setActiveKey(list[to].key);
        scrollTo(to);
        const target = list[to];
        if (target.kind === 'box') pickBox(target, false);
      } else if (e.key === 'Enter' || e.key === ' ') {
        if (row?.kind === 'box') pickBox(row, true);
        else if (row?.kind === 'class') toggleCollapsed(row.label);
      } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && row) {
        const label = row.label;
        const isCollapsed = collapsed.includes(label);
        if ((e.key === 'ArrowLeft') !== isCollapsed) toggleCollapsed(label);
        if (e.key === 'ArrowLeft') setActiveKey(`class:${label}`);
      } else if (e.key === 'Escape') {
        focusViewport(el, el.closest('.cuboid-editor'));
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        // Nothing active: the arrows still must not nudge the selected box.
      } else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  });

  const [start, end] = visibleRange(scrollTop, VIEW_HEIGHT, rows.length);
  const filtered = query.trim() !== '';
  const unknown = rows.length === 0 ? unknownStates(query) : [];
  // While a search narrows the list, it keeps the height it had: the frame list below would take
  // the room it gives up, and the search field would move down under the pointer with every letter.
  const natural = Math.min(VIEW_HEIGHT, Math.max(ROW_HEIGHT, rows.length * ROW_HEIGHT));
  const [wholeHeight, setWholeHeight] = useState(natural);
  useEffect(() => {
    if (!filtered) setWholeHeight(natural);
  }, [filtered, natural]);
  const listHeight = filtered ? Math.max(natural, wholeHeight) : natural;
  return (
    <section className="object-list" aria-label="Objects" data-testid="object-list">
      <h2
        title={[
          `Objects (${filtered ? `${model.shown} of ${model.total}` : model.total})`,
          model.errors > 0 ? plural(model.errors, 'error') : '',
          model.warnings > 0 ? plural(model.warnings, 'warning') : '',
          model.flagged > 0 ? `${model.flagged} flagged` : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      >
        <span>Objects {filtered ? `${model.shown} of ${model.total}` : model.total}</span>
        {/* The counts as the rows show them (red errors, amber warnings), so 512 boxes' fit the sidebar's one line; the title has them in words. */}
        {model.errors > 0 ? <span className="ol-err">{model.errors}</span> : null}
        {model.warnings > 0 ? <span className="ol-warn">{model.warnings}</span> : null}
        {model.flagged > 0 ? <span className="ol-flag">{model.flagged} ⚑</span> : null}
      </h2>
      <div className="ol-tools">
        <input
          ref={searchRef}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            if (listRef.current) listRef.current.scrollTop = 0;
            setScrollTop(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('');
              setScrollTop(listRef.current?.scrollTop ?? 0);
            } else if (e.key === 'ArrowDown' && rows.length > 0) {
              e.preventDefault();
              const first = rows.findIndex((r) => r.kind === 'box');
              setActiveKey(rows[Math.max(0, first)].key);
              scrollTo(Math.max(0, first));
              listRef.current?.focus();
            } else if (e.key === 'Enter') {
              const first = rows.find((r): r is BoxRow => r.kind === 'box');
              if (first) pickBox(first, true);
            }
          }}
          placeholder="Find (/)"
          aria-label="Find objects"
          title="Words all match: class:NAME, #TRACK, is:error | warning | flagged | hidden | locked | attention, or any text. Enter frames the first, ↓ goes to the list, Esc clears."
          data-testid="object-search"
        />
        <label className="ol-labels" title="Class and track labels on the boxes (Shift+L)">
          <input
            type="checkbox"
            checked={visibility.boxLabels}
            onChange={(e) => store.getState().setBoxLabels(e.target.checked)}
            data-testid="box-labels-toggle"
          />
          labels
        </label>
      </div>
      <div
        className="ol-scroll"
        ref={listRef}
        role="listbox"
        aria-label="Boxes of the frame"
        aria-activedescendant={activeIndex >= 0 ? `ol-${rows[activeIndex].key}` : undefined}
        tabIndex={0}
        style={{ height: listHeight }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="object-rows"
      >
        {rows.length === 0 ? (
          model.total === 0 ? (
            <p className="muted ol-empty">No boxes in this frame</p>
          ) : (
            // The search is kept from frame to frame: say which one hides every box, and offer to clear it.
            <p className="muted ol-empty" data-testid="object-list-no-match">
              No box matches “{query.trim()}”{unknown.length > 0 && ` (is: takes ${IS_WORDS.join(', ')}; not “${unknown.join('”, “')}”)`} ·{' '}
              <button type="button" className="link" onClick={() => setQuery('')} data-testid="object-list-clear-search" title="Clear the search">
                clear
              </button>
            </p>
          )
        ) : (
          <div className="ol-inner" style={{ height: rows.length * ROW_HEIGHT }}>
            {rows.slice(start, end).map((row, k) => (
              <ObjectListRow
                key={row.key}
                row={row}
                top={(start + k) * ROW_HEIGHT}
                active={start + k === activeIndex}
                selected={row.kind === 'box' && selected.has(row.id)}
                onPick={(e) => {
                  setActiveKey(row.key);
                  if (row.kind === 'box') pickBox(row, true, e.shiftKey || e.ctrlKey || e.metaKey);
                  else toggleCollapsed(row.label);
                }}
                onHide={() => toggleHidden(row)}
                onLock={() => toggleLocked(row)}
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
