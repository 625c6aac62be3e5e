import { useAppStore } from '../render/EditorContext.ts';
import { toolHintText } from './toolHintText.ts';

/** The status bar's note on the active tool; the raw state path stays in the tooltip and `data-tool-path`. */
export function ToolHint() {
  const path = useAppStore((s) => s.tool.path);
  const locked = useAppStore((s) => s.editLock !== null);
  return (
    <span className="tool-path muted" data-testid="tool-path" data-tool-path={path} title={path}>
      {toolHintText(path, locked)}
    </span>
  );
}
