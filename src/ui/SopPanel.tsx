import { useState } from 'react';
import { useStore } from 'zustand';
import { searchEdgeCases } from '../domain/checks/dictionary/searchEdgeCases.ts';
import { sessionStore } from '../actions/review/sessionStore.ts';
import { EdgeCaseEditor } from './EdgeCaseEditor.tsx';
import { useAppStore } from '../state/appStore.ts';

/**
 * The team's edge-case dictionary as the SOP: searchable, opened from any check result or flag at
 * the entry it names. Class rules (sizes, minimum points) are listed with the edge cases.
 */
export function SopPanel() {
  const sop = useAppStore((s) => s.sop);
  const dictionary = useAppStore((s) => s.dictionary);
  const close = useAppStore((s) => s.closeSop);
  const setQuery = useAppStore((s) => s.setSopQuery);
  // Leads edit the rules; on loopback without users everyone is the lead.
  const isLead = useStore(sessionStore, (s) => s.mode === 'single' || s.user?.role === 'lead');
  const [editing, setEditing] = useState<string | null>(null);
  if (!sop.open) return null;
  const cases = searchEdgeCases(dictionary, sop.query);
  const focusClass = sop.entry?.startsWith('classes.') ? sop.entry.split('.')[1] : null;
  return (
    <div className="overlay" role="dialog" aria-label="Annotation rules" onClick={close} data-testid="sop-panel">
      <div className="overlay-card sop" onClick={(e) => e.stopPropagation()}>
        <h2>
          Annotation rules <span className="muted">dictionary v{dictionary.version}</span>
        </h2>
        <input
          type="search"
          placeholder="Search rules (e.g. bicycle, glass, truncated)"
          value={sop.query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
        />
        <div className="sop-columns">
          <section>
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
                  {c.check ? ` · checked by ${c.check}` : ''}
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
          </section>
          <section>
            <h3>Classes</h3>
            {Object.entries(dictionary.classes).map(([name, rule]) => (
              <article key={name} className={name === focusClass ? 'sop-entry focused' : 'sop-entry'}>
                <h4>{name}</h4>
                <p>{rule.definition}</p>
                <p className="muted">
                  l {rule.size.l.join('–')} · w {rule.size.w.join('–')} · h {rule.size.h.join('–')} m · at least{' '}
                  {rule.minPoints.default} points{rule.mustTouchGround ? ' · on the ground' : ''}
                </p>
              </article>
            ))}
          </section>
        </div>
      </div>
    </div>
  );
}
