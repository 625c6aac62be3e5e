import type { FitResult } from '../EditorServices.ts';

const HEADING_WORDS: Record<string, string> = {
  motion: 'its motion since the last frame',
  prior: 'the same track in the last frame',
  lane: 'the traffic side of the road (front and back may be swapped: H turns it)',
  default: 'no cue (front and back may be swapped: H turns it)',
};

/**
 * What the user should know about a fit beyond the box itself, or null: a sparse object boxed at
 * the class's size (low confidence), and where the front came from when not from the object's
 * own shape.
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
