/** Only absolute http(s) links from data become hrefs; anything else (javascript:, data:, relative) is dropped. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\s*https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
