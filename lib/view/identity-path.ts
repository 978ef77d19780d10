/**
 * Identity keys hold ':' and '/' (they are mostly ARNs). In a path the key is one encoded segment;
 * the route takes every segment after `identities/`, so a key whose slashes got decoded on the way
 * (by a proxy, or typed by hand) still arrives whole.
 */
export function identityPath(datasetId: string, identityKey: string): string {
  return `/datasets/${encodeURIComponent(datasetId)}/identities/${encodeURIComponent(identityKey)}`;
}

/**
 * The key from the path's segments. Next.js hands a page its segments still percent-encoded and a
 * route handler its segments decoded, so the caller says which it holds.
 */
export function identityKeyOf(segments: string[], { encoded }: { encoded: boolean }): string {
  return (encoded ? segments.map(decodeURIComponent) : segments).join('/');
}
