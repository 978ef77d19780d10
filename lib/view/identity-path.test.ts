import { describe, expect, it } from 'vitest';
import { identityKeyOf, identityPath } from './identity-path';

describe('identity paths', () => {
  const keys = ['arn:aws:iam::111111111111:role/Deployer', 'SAMLUser:SAMLPROVIDERID:carol@example.com', 'untyped:100% done/?#&x=1', 'root:123'];

  it('put the key in one segment and read it back from the segments a page gets', () => {
    for (const key of keys) {
      const path = identityPath('abc', key);
      const segments = path.split('/').slice(4);
      expect(segments).toHaveLength(1);
      expect(identityKeyOf(segments, { encoded: true })).toBe(key);
    }
  });

  it('read a key whose slashes arrived as separate, decoded segments', () => {
    expect(identityKeyOf(['arn:aws:iam::111111111111:role', 'Deployer'], { encoded: false })).toBe(keys[0]);
  });
});
