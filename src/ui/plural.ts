/**
 * A count with its noun in the right number: `plural(1, 'box', 'boxes')` → `1 box`,
 * `plural(0, 'box', 'boxes')` → `0 boxes`. The plural defaults to the singular plus "s".
 * Only exactly 1 takes the singular (English: "0 boxes", "1.5 boxes").
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
