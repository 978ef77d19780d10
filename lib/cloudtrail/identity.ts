import { asRecord, asString, asBoolean } from './json-values';

/** Who made a call, reduced to the key the dashboard groups by and the name it shows. */
export interface Principal {
  /** Stable grouping key: a role's sessions share their role's key. */
  key: string;
  type: string;
  display: string;
  arn: string | null;
  accountId: string | null;
  accessKeyId: string | null;
  sessionName: string | null;
  mfaAuthenticated: boolean | null;
  sessionCreatedAt: string | null;
  sourceIdentity: string | null;
  invokedBy: string | null;
}

const ASSUMED_ROLE_ARN = /^arn:([^:]+):sts::(\d*):assumed-role\/(.+)\/([^/]+)$/;

export function principalOf(record: Record<string, unknown>): Principal {
  const identity = asRecord(record.userIdentity);
  if (!identity) return blank({ key: 'none', type: 'None', display: '(no identity)' });

  const sessionContext = asRecord(identity.sessionContext);
  const attributes = asRecord(sessionContext?.attributes);
  const issuer = asRecord(sessionContext?.sessionIssuer);
  const arn = asString(identity.arn);
  const accountId = asString(identity.accountId);
  const userName = asString(identity.userName);
  const principalId = asString(identity.principalId);
  const invokedBy = asString(identity.invokedBy);
  const type = asString(identity.type);

  const common = {
    arn,
    accountId,
    accessKeyId: asString(identity.accessKeyId) || null,
    mfaAuthenticated: asBoolean(attributes?.mfaAuthenticated),
    sessionCreatedAt: asString(attributes?.creationDate),
    sourceIdentity: asString(sessionContext?.sourceIdentity) ?? asString(identity.sourceIdentity),
    invokedBy,
    sessionName: null,
  };
  const fallbackId = arn ?? principalId ?? userName ?? accountId ?? 'unknown';

  switch (type) {
    case 'AssumedRole': {
      const parsed = arn ? ASSUMED_ROLE_ARN.exec(arn) : null;
      const roleArn =
        asString(issuer?.arn) ?? (parsed ? `arn:${parsed[1]}:iam::${parsed[2]}:role/${parsed[3]}` : fallbackId);
      // The ARN names the role reliably; sessionIssuer.userName is sometimes a placeholder in examples.
      const roleName = roleArn.includes(':role/') ? roleArn.split('/').pop()! : (asString(issuer?.userName) ?? roleArn);
      const sessionName = parsed?.[4] ?? principalId?.split(':')[1] ?? null;
      return { ...common, key: roleArn, type, display: roleName, sessionName };
    }
    case 'IAMUser':
      return {
        ...common,
        key: arn ?? `iam-user:${accountId}:${userName}`,
        type,
        display: userName ?? arn?.split('/').pop() ?? fallbackId,
      };
    case 'Root':
      return { ...common, key: `root:${accountId ?? arn ?? 'unknown'}`, type, display: `root (${accountId ?? '?'})` };
    case 'AWSService':
      return { ...common, key: `service:${invokedBy ?? fallbackId}`, type, display: invokedBy ?? fallbackId };
    case 'IdentityCenterUser': {
      const onBehalfOf = asRecord(identity.onBehalfOf);
      const userId = asString(onBehalfOf?.userId) ?? fallbackId;
      const store = asString(onBehalfOf?.identityStoreArn) ?? '';
      return { ...common, key: `identity-center:${store}/${userId}`, type, display: userName ?? userId };
    }
    case 'SAMLUser':
    case 'WebIdentityUser': {
      const provider = asString(identity.identityProvider) ?? '';
      const name = userName ?? principalId ?? 'unknown';
      return { ...common, key: `${type}:${provider}:${name}`, type, display: name };
    }
    case 'FederatedUser':
      return { ...common, key: arn ?? `federated:${principalId}`, type, display: arn?.split('/').pop() ?? fallbackId };
    case 'AWSAccount':
      return { ...common, key: `account:${accountId ?? principalId}`, type, display: `AWS account ${accountId ?? principalId ?? '?'}` };
    case null:
      // AwsServiceEvent examples carry an identity with no type, only accountId and invokedBy.
      return invokedBy
        ? { ...common, key: `service:${invokedBy}`, type: 'Untyped', display: invokedBy }
        : { ...common, key: `untyped:${fallbackId}`, type: 'Untyped', display: fallbackId };
    default:
      return { ...common, key: `${type.toLowerCase()}:${fallbackId}`, type, display: userName ?? fallbackId };
  }
}

function blank(fields: Pick<Principal, 'key' | 'type' | 'display'>): Principal {
  return {
    ...fields,
    arn: null,
    accountId: null,
    accessKeyId: null,
    sessionName: null,
    mfaAuthenticated: null,
    sessionCreatedAt: null,
    sourceIdentity: null,
    invokedBy: null,
  };
}
