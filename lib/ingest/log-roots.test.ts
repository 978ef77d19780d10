import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PathOutsideRootsError, resolveInsideRoots } from './log-roots';

const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-roots-'));
const root = path.join(scratch, 'logs');
const outside = path.join(scratch, 'secret.json');
mkdirSync(path.join(root, 'inner'), { recursive: true });
writeFileSync(path.join(root, 'inner', 'a.json'), '{}');
writeFileSync(outside, '{}');
symlinkSync(outside, path.join(root, 'link-out.json'));
symlinkSync(path.join(root, 'inner'), path.join(root, 'link-in'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('resolveInsideRoots', () => {
  it('resolves paths inside the roots, links that stay inside included', async () => {
    expect(await resolveInsideRoots(path.join(root, 'inner/a.json'), [root])).toBe(path.join(root, 'inner', 'a.json'));
    expect(await resolveInsideRoots(path.join(root, 'link-in/a.json'), [root])).toBe(path.join(root, 'inner', 'a.json'));
    expect(await resolveInsideRoots(path.join(root, 'inner/../inner/a.json'), [root])).toBe(path.join(root, 'inner', 'a.json'));
  });

  // The server never decodes a path, so an encoded `..` is a name that does not exist: refused all the same.
  it.each([
    ['dot-dot', `${root}/../secret.json`],
    ['absolute outside', outside],
    ['link pointing out', `${root}/link-out.json`],
    ['percent-encoded', `${root}/%2e%2e/secret.json`],
    ['encoded slash', `${root}/..%2fsecret.json`],
    ['double-encoded', `${root}/%252e%252e/secret.json`],
    ['overlong UTF-8', `${root}/%c0%ae%c0%ae/secret.json`],
    ['fullwidth dots', `${root}/\uff0e\uff0e/secret.json`],
    ['one-dot leader', `${root}/\u2024\u2024/secret.json`],
    ['backslashes', `${root}\\..\\secret.json`],
    ['NUL byte', `${root}/inner/a.json\u0000/../../secret.json`],
    ['the root of a prefix sibling', `${root}-other/x.json`],
  ])('refuses %s', async (_name, requested) => {
    await expect(resolveInsideRoots(requested, [root])).rejects.toBeInstanceOf(PathOutsideRootsError);
  });
});
