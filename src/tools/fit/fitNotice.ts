import type { FitResult } from '../EditorServices.ts';

/**
 * Heading sources worth a word. The traffic-side rule ('lane') is the usual case for a car whose
 * profile is not seen and is said by nothing (a notice on most fits is noise); no cue at all is.
 */
const HEADING_WORDS: Record<string, string> = {
  motion: 'its motion since the last frame',
  default: 'no cue (front and back may be swapped: H turns it)',
};

/**
 * What the user should know about a fit beyond the box itself, or null: a sparse object boxed at
 * the class's size (low confidence), and where the front came from when it came from motion or
 * from nothing at all.
 */
export function fitNotice(label: string, result: FitResult): string | null {
  const parts: string[] = [];
  if (result.confidence === 'low') {
    parts.push(`only ${result.pointCount} returns: a ${label}-sized box around them, low confidence; check its size and place`);
  }
  const heading = result.headingSource === undefined ? undefined : HEADING_WORDS[result.headingSource];
  if (heading !== undefined) parts.push(`front from ${heading}`);
  if (parts.length === 0) return null;
  return `Fitted ${label}: ${parts.join('; ')}.`;
}
