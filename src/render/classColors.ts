/** Box colours per class (KITTI classes; unknown classes get a neutral grey). */
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

export function classColor(label: string): string {
  return CLASS_COLORS[label] ?? '#9aa3b2';
}
