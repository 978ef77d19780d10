/** A display name from an untrusted path: no empty, `.` or `..` segments, no control characters. */
export function cleanRelativeName(name: string): string {
  const segments = name
    .split(/[\\/]+/)
    .map((segment) => segment.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return segments.join('/').slice(0, 1024) || 'unnamed';
}
