import { describe, expect, it } from 'vitest';
import { principalOf } from './identity';

const principal = (userIdentity: unknown) => principalOf(userIdentity === undefined ? {} : { userIdentity });

describe('principalOf', () => {
  it('groups an assumed role’s sessions under the role and keeps the session name', () => {
    const result = principal({
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/Deploy/ci-run-42',
      principalId: 'AROAEXAMPLE:ci-run-42',
      accountId: '111122223333',
      accessKeyId: 'ASIAEXAMPLE',
      sessionContext: {
        sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Deploy', userName: 'Deploy' },
        attributes: { mfaAuthenticated: 'True', creationDate: '2024-07-31T12:00:00Z' },
        sourceIdentity: 'alice',
      },
    });
    expect(result).toMatchObject({
      key: 'arn:aws:iam::111122223333:role/Deploy',
      type: 'AssumedRole',
      display: 'Deploy',
      sessionName: 'ci-run-42',
      accessKeyId: 'ASIAEXAMPLE',
      mfaAuthenticated: true,
      sessionCreatedAt: '2024-07-31T12:00:00Z',
      sourceIdentity: 'alice',
    });
  });

  it('derives the role from the session ARN when the issuer is missing, paths included', () => {
    expect(principal({ type: 'AssumedRole', arn: 'arn:aws-us-gov:sts::111122223333:assumed-role/Ops/s1', sessionContext: { sessionIssuer: {} } })).toMatchObject({
      key: 'arn:aws-us-gov:iam::111122223333:role/Ops',
      display: 'Ops',
      sessionName: 's1',
    });
  });

  it('keys the other identity types', () => {
    expect(principal({ type: 'IAMUser', arn: 'arn:aws:iam::1:user/bob', userName: 'bob' })).toMatchObject({ key: 'arn:aws:iam::1:user/bob', display: 'bob' });
    expect(principal({ type: 'Root', arn: 'arn:aws:iam::1:root', accountId: '1' })).toMatchObject({ key: 'root:1', display: 'root (1)' });
    expect(principal({ type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' })).toMatchObject({ key: 'service:cloudtrail.amazonaws.com', display: 'cloudtrail.amazonaws.com' });
    expect(principal({ type: 'FederatedUser', arn: 'arn:aws:sts::1:federated-user/carol', principalId: '1:carol' })).toMatchObject({ key: 'arn:aws:sts::1:federated-user/carol', display: 'carol' });
    expect(principal({ type: 'SAMLUser', userName: 'dave@example.com', identityProvider: 'arn:aws:iam::1:saml-provider/Okta' })).toMatchObject({
      key: 'SAMLUser:arn:aws:iam::1:saml-provider/Okta:dave@example.com',
      display: 'dave@example.com',
    });
    expect(principal({ type: 'WebIdentityUser', userName: 'sub-1', identityProvider: 'accounts.google.com' })).toMatchObject({ key: 'WebIdentityUser:accounts.google.com:sub-1' });
    expect(principal({ type: 'IdentityCenterUser', onBehalfOf: { userId: 'u-1', identityStoreArn: 'arn:aws:identitystore::1:identitystore/d-1' } })).toMatchObject({
      key: 'identity-center:arn:aws:identitystore::1:identitystore/d-1/u-1',
      display: 'u-1',
    });
    expect(principal({ type: 'AWSAccount', accountId: '2', principalId: 'AIDA:x' })).toMatchObject({ key: 'account:2', display: 'AWS account 2' });
    expect(principal({ type: 'Directory', userName: 'erin', principalId: 'p-9' })).toMatchObject({ key: 'directory:p-9', display: 'erin' });
    expect(principal({ type: 'Unknown', principalId: 'p-7' })).toMatchObject({ key: 'unknown:p-7', type: 'Unknown' });
  });

  it('copes with an identity without a type, and with none at all', () => {
    expect(principal({ accountId: '1', invokedBy: 'AWS Internal' })).toMatchObject({ key: 'service:AWS Internal', type: 'Untyped' });
    expect(principal(undefined)).toMatchObject({ key: 'none', type: 'None', display: '(no identity)' });
  });

  it('reads MFA given as a boolean or as a string in any case', () => {
    const withMfa = (value: unknown) => principal({ type: 'IAMUser', sessionContext: { attributes: { mfaAuthenticated: value } } }).mfaAuthenticated;
    expect([withMfa(true), withMfa('true'), withMfa('False'), withMfa('maybe'), withMfa(undefined)]).toEqual([true, true, false, null, null]);
  });
});
