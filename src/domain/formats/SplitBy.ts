/** How an export splits its frames into train and val (`--split-by`, `GET /api/export.zip?splitBy=`; see `server/export/splitExport.ts`). */
export const SPLIT_BY = ['auto', 'sequence', 'time', 'frame'] as const;
export type SplitBy = (typeof SPLIT_BY)[number];

export function isSplitBy(value: string): value is SplitBy {
  return (SPLIT_BY as readonly string[]).includes(value);
}
