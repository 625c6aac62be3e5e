/**
 * The frame a page's address asks for: `?frame=ID`, else a fragment `#ID` (a link someone wrote
 * by hand, or copied from a tool that marks frames that way); null for neither.
 */
export function frameFromUrl(href: string): string | null {
  const url = new URL(href);
  const asked = url.searchParams.get('frame');
  if (asked !== null && asked !== '') return asked;
  const hash = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
  if (hash === '') return null;
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}
