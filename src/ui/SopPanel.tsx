import { searchEdgeCases } from '../domain/checks/dictionary/searchEdgeCases.ts';
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
            <h3>Edge cases ({cases.length})</h3>
            {cases.map((c) => (
              <article key={c.id} className={c.id === sop.entry ? 'sop-entry focused' : 'sop-entry'} data-testid={`sop-${c.id}`}>
                <h4>{c.title}</h4>
                <p>{c.rule}</p>
                <p className="muted">
                  {c.id}
                  {c.check ? ` · checked by ${c.check}` : ''}
                  {c.tags.length ? ` · ${c.tags.join(', ')}` : ''}
                </p>
              </article>
            ))}
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
