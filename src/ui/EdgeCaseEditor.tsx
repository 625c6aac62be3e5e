import { useState } from 'react';
import type { EdgeCase } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import { useEditor } from '../render/EditorContext.ts';
import type { SaveEdgeCaseValue } from '../actions/sopActions.ts';

export interface EdgeCaseEditorProps {
  /** The entry to edit, or null for a new one. */
  entry: EdgeCase | null;
  onDone: () => void;
}

/** A lead's form for one edge-case entry of the SOP (saving bumps the dictionary version). */
export function EdgeCaseEditor({ entry, onDone }: EdgeCaseEditorProps) {
  const [id, setId] = useState(entry?.id ?? '');
  const [title, setTitle] = useState(entry?.title ?? '');
  const [rule, setRule] = useState(entry?.rule ?? '');
  const [tags, setTags] = useState(entry?.tags.join(', ') ?? '');
  const [error, setError] = useState<string | null>(null);
  const editor = useEditor();
  const save = async () => {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return setError('id: use kebab-case, e.g. rider-on-bicycle');
    if (!title.trim() || !rule.trim()) return setError('title and rule: both are needed');
    const next: EdgeCase = {
      id,
      title: title.trim(),
      rule: rule.trim(),
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      ...(entry?.check ? { check: entry.check } : {}),
    };
    const value: SaveEdgeCaseValue = { entry: next, ...(entry && entry.id !== id ? { removeId: entry.id } : {}) };
    if (await editor.actions.run('saveEdgeCase', value)) onDone();
  };
  return (
    <form
      className="sop-entry editing"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="sop-editor"
    >
      <label>
        Id <input value={id} onChange={(e) => setId(e.target.value)} disabled={entry !== null} data-testid="sop-edit-id" />
      </label>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="sop-edit-title" />
      </label>
      <label>
        Rule <textarea value={rule} onChange={(e) => setRule(e.target.value)} rows={3} data-testid="sop-edit-rule" />
      </label>
      <label>
        Tags <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="comma, separated" />
      </label>
      {error ? <p className="error">{error}</p> : null}
      <div className="dialog-buttons">
        <button type="submit" className="primary" data-testid="sop-save">
          Save (new version)
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
