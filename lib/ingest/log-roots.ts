import { realpath } from 'node:fs/promises';
import path from 'node:path';

export class PathOutsideRootsError extends Error {}

/**
 * Resolves `requested` (symlinks included) and returns it only when it lies inside one of `roots`,
 * also resolved. Everything else — `..`, absolute paths elsewhere, links pointing out — is refused.
 */
export async function resolveInsideRoots(requested: string, roots: string[]): Promise<string> {
  const refuse = () => new PathOutsideRootsError(`${requested} is outside the configured log roots`);
  if (requested.includes('\0')) throw refuse();
  let real: string;
  try {
    real = await realpath(path.resolve(requested));
  } catch {
    throw refuse();
  }
  for (const root of roots) {
    let realRoot: string;
    try {
      realRoot = await realpath(root);
    } catch {
      continue;
    }
    const relative = path.relative(realRoot, real);
    const escapes = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
    if (!escapes) return real;
  }
  throw refuse();
}
