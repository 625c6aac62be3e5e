import { useEffect, useRef, useState } from 'react';
import { searchEdgeCases } from '../domain/checks/dictionary/searchEdgeCases.ts';
import { selectIsLead } from '../state/slices/sessionSlice.ts';
import { EdgeCaseEditor } from './EdgeCaseEditor.tsx';
import { ModalOverlay } from './ModalOverlay.tsx';
import { filterClassRules } from './filterClassRules.ts';
import { plural } from './plural.ts';
import { ruleTitle } from './ruleTitles.ts';
import { useAppStore } from '../render/EditorContext.ts';

/**
 * The team's edge-case dictionary as the SOP: searchable, opened from any check result or flag at
 * the entry it names (scrolled into view). Class rules (sizes, minimum points) are listed with the
 * edge cases and filtered by the same search. Esc closes it (or first leaves an open edit form).
 */
export function SopPanel() {
  const sop = useAppStore((s) => s.sop);
  const dictionary = useAppStore((s) => s.dictionary);
  const close = useAppStore((s) => s.closeSop);
  const setQuery = useAppStore((s) => s.setSopQuery);
  // Leads edit the rules; on loopback without users everyone is the lead.
  const isLead = useAppStore(selectIsLead);
  const [editing, setEditing] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  // Bring the entry the panel was opened at into view (it may be far down the list).
  useEffect(() => {
    if (!sop.open || sop.entry === null) return;
    bodyRef.current?.querySelector('.sop-entry.focused')?.scrollIntoView({ block: 'center' });
  }, [sop.open, sop.entry]);

  if (!sop.open) return null;
  const cases = searchEdgeCases(dictionary, sop.query);
  const classes = filterClassRules(dictionary.classes, sop.query);
  const focusClass = sop.entry?.startsWith('classes.') ? sop.entry.split('.')[1] : null;
  const onClose = () => (editing !== null ? setEditing(null) : close());
  return (
    <ModalOverlay label="Annotation rules" onClose={onClose} closeOnBackdrop cardClassName="sop" testId="sop-panel">
      <div className="dialog-head">
        <h2>
          Annotation rules <span className="muted">dictionary v{dictionary.version}</span>
        </h2>
        <button type="button" className="dialog-close" onClick={close} aria-label="Close" title="Close (Esc)" data-testid="sop-close">
          ×
        </button>
      </div>
      <input type="search" placeholder="Search rules (e.g. bicycle, glass, truncated)" value={sop.query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      {/* Each list scrolls on its own, so the shorter one never leaves half the dialog empty; when
          either list has no match the two stack in one column. */}
      <div className={classes.length === 0 || cases.length === 0 ? 'sop-columns single' : 'sop-columns'} ref={bodyRef}>
        <section className="sop-cases">
          <h3>
            Edge cases ({cases.length}){' '}
            {isLead && editing === null ? (
              <button type="button" className="tool" onClick={() => setEditing('')} data-testid="sop-new">
                New entry
              </button>
            ) : null}
          </h3>
          {editing === '' ? <EdgeCaseEditor entry={null} onDone={() => setEditing(null)} /> : null}
          {cases.map((c) =>
            editing === c.id ? (
              <EdgeCaseEditor key={c.id} entry={c} onDone={() => setEditing(null)} />
            ) : (
              <article key={c.id} className={c.id === sop.entry ? 'sop-entry focused' : 'sop-entry'} data-testid={`sop-${c.id}`}>
                <h4>{c.title}</h4>
                <p>{c.rule}</p>
                <p className="muted">
                  {c.id}
                  {c.check ? ` · checked by “${ruleTitle(c.check)}”` : ''}
                  {c.tags.length ? ` · ${c.tags.join(', ')}` : ''}
                </p>
                {isLead ? (
                  <button type="button" className="tool" onClick={() => setEditing(c.id)} data-testid={`sop-edit-${c.id}`}>
                    Edit
                  </button>
                ) : null}
              </article>
            ),
          )}
          {cases.length === 0 ? <p className="muted">No edge case matches.</p> : null}
        </section>
        <section className="sop-classes">
          <h3>Classes ({classes.length})</h3>
          {classes.map(([name, rule]) => (
            <article key={name} className={name === focusClass ? 'sop-entry focused' : 'sop-entry'} data-testid={`sop-class-${name}`}>
              <h4>{name}</h4>
              <p>{rule.definition}</p>
              <p className="muted">
                l {rule.size.l.join('–')} · w {rule.size.w.join('–')} · h {rule.size.h.join('–')} m · at least {Math.round(rule.minPoints.fraction * 100)} % of
                the returns the sensor would give on the box (never fewer than {plural(rule.minPoints.floor, 'point')})
                {rule.mustTouchGround ? ' · on the ground' : ''}
              </p>
            </article>
          ))}
          {classes.length === 0 ? <p className="muted">No class matches.</p> : null}
        </section>
      </div>
    </ModalOverlay>
  );
}
