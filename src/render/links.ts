/** Which strings from a roadmap may become links: absolute http(s) URLs only, never javascript:, data: or relative ones. */
export function httpUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // The serialised form is percent-encoded: no spaces, quotes or angle brackets left.
  return url.href;
}
