/** Keeps the two smallest values in t[0] ≤ t[1] and the two largest in t[3] ≥ t[2]. */
export function keep2(t: number[], a: number): void {
  if (a < t[0]) {
    t[1] = t[0];
    t[0] = a;
  } else if (a < t[1]) t[1] = a;
  if (a > t[3]) {
    t[2] = t[3];
    t[3] = a;
  } else if (a > t[2]) t[2] = a;
}
