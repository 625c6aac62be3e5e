import { formatNumber } from './formatMetrics.ts';

type Series = Record<string, string | number | null>;

export interface SingleDayTableProps {
  /** The one pivoted day: `{day, alice: 41.2, bob: null}`. */
  row: Series;
  users: readonly string[];
  /** Column head of the values, e.g. "Boxes per hour". */
  valueLabel: string;
  color: (user: string) => string;
  testId?: string;
}

/**
 * A chart's numbers when the range holds a single day: a line of one dot or a bar as wide as the
 * chart says less than a two-column table does.
 */
export function SingleDayTable({ row, users, valueLabel, color, testId }: SingleDayTableProps) {
  return (
    <div className="single-day" data-testid={testId}>
      <p className="muted">Only one day in this range: {String(row.day)} (UTC)</p>
      <table className="metrics-table">
        <thead>
          <tr>
            <th>User</th>
            <th>{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const v = row[u];
            return (
              <tr key={u}>
                <td>
                  <span className="series-swatch" style={{ background: color(u) }} /> {u}
                </td>
                <td>{typeof v === 'number' ? formatNumber(v, 1) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
