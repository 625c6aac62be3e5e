/** Box colours per class (KITTI classes; a team's own classes get one of `OTHER_COLORS` by name). */
export const CLASS_COLORS: Record<string, string> = {
  Car: '#4c8dff',
  Van: '#36c5d6',
  Truck: '#a57cff',
  Pedestrian: '#ff8a3d',
  Person_sitting: '#ffb86b',
  Cyclist: '#3ddc84',
  Tram: '#e4d354',
  Misc: '#b0b7c3',
  DontCare: '#6b7280',
};

/**
 * Colours for a team's own classes, apart from the KITTI ones and from each other (a Bus, an
 * excavator and Misc were all grey): picked by a hash of the name, so a class keeps its colour
 * from frame to frame and session to session.
 */
const OTHER_COLORS = ['#f06292', '#8bc34a', '#ff5722', '#26a69a', '#ba68c8', '#ffd740', '#4dd0e1', '#d4e157', '#f48fb1', '#90caf9'];

export function classColor(label: string): string {
  const known = CLASS_COLORS[label];
  if (known !== undefined) return known;
  let h = 0;
  for (let i = 0; i < label.length; i++) h = (h * 31 + label.charCodeAt(i)) >>> 0;
  return OTHER_COLORS[h % OTHER_COLORS.length];
}
