/**
 * Deterministic, realistic CloudTrail records for benchmarks: a mix of services, identity types,
 * errors and redactions, about 1.3 KB each. The same seed always gives the same records.
 */
const SERVICES = [
  ['s3.amazonaws.com', ['GetObject', 'PutObject', 'ListBuckets', 'GetBucketAcl']],
  ['ec2.amazonaws.com', ['DescribeInstances', 'RunInstances', 'DescribeSecurityGroups', 'AuthorizeSecurityGroupIngress']],
  ['iam.amazonaws.com', ['ListUsers', 'CreateAccessKey', 'AttachRolePolicy', 'GetRole']],
  ['sts.amazonaws.com', ['AssumeRole', 'GetCallerIdentity', 'GetSessionToken']],
  ['kms.amazonaws.com', ['Decrypt', 'GenerateDataKey', 'Encrypt']],
  ['lambda.amazonaws.com', ['Invoke', 'UpdateFunctionCode20150331v2', 'ListFunctions20150331']],
  ['ssm.amazonaws.com', ['GetParameter', 'SendCommand', 'StartSession']],
  ['directconnect.amazonaws.com', ['DescribeConnections', 'CreateConnection']],
  ['config.amazonaws.com', ['DescribeConfigurationRecorders', 'PutDeliveryChannel']],
] as const;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const ERRORS = ['AccessDenied', 'ThrottlingException', 'ResourceNotFoundException'];

/** A small, fast deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function hex(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(next() * 0xffffffff).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

function uuid(next: () => number): string {
  const h = hex(next, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function identity(next: () => number, account: string) {
  const kind = next();
  if (kind < 0.5) {
    const role = pick(next, ['Deploy', 'ReadOnly', 'Admin', 'LambdaExec', 'DataPipeline']);
    const session = `session-${Math.floor(next() * 50)}`;
    return {
      type: 'AssumedRole',
      principalId: `AROA${hex(next, 16).toUpperCase()}:${session}`,
      arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
      accountId: account,
      accessKeyId: `ASIA${hex(next, 16).toUpperCase()}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: `AROA${hex(next, 16).toUpperCase()}`, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
        attributes: { creationDate: '2024-08-01T00:00:00Z', mfaAuthenticated: next() < 0.3 ? 'true' : 'false' },
      },
    };
  }
  if (kind < 0.85) {
    const user = pick(next, ['alice', 'bob', 'carol', 'dave', 'ci-bot', 'terraform']);
    return { type: 'IAMUser', principalId: `AIDA${hex(next, 16).toUpperCase()}`, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, accessKeyId: `AKIA${hex(next, 16).toUpperCase()}`, userName: user };
  }
  if (kind < 0.97) return { type: 'AWSService', invokedBy: pick(next, ['cloudtrail.amazonaws.com', 'lambda.amazonaws.com', 'config.amazonaws.com']) };
  return { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account };
}

/** The `index`-th record of the stream seeded with `seed`, at `start` plus a few seconds per record. */
export function syntheticRecord(next: () => number, index: number, start = Date.UTC(2024, 7, 1)): Record<string, unknown> {
  const [eventSource, names] = pick(next, SERVICES);
  const account = pick(next, ['111122223333', '444455556666', '777788889999']);
  const failed = next() < 0.06;
  const hidden = next() < 0.04;
  return {
    eventVersion: '1.09',
    userIdentity: identity(next, account),
    eventTime: new Date(start + index * 2000 + Math.floor(next() * 2000)).toISOString().replace('.000', ''),
    eventSource,
    eventName: pick(next, names),
    awsRegion: pick(next, REGIONS),
    sourceIPAddress: next() < 0.2 ? 'AWS Internal' : `${Math.floor(next() * 223) + 1}.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}`,
    userAgent: pick(next, ['aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.amzn.2023', 'Boto3/1.34.1 md/Botocore#1.34.1 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.1', 'console.amazonaws.com', 'Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0']),
    ...(failed ? { errorCode: pick(next, ERRORS), errorMessage: 'User is not authorized to perform this operation' } : {}),
    requestParameters: hidden ? { secretValue: 'HIDDEN_DUE_TO_SECURITY_REASONS', name: `param-${hex(next, 6)}` } : { bucketName: `bucket-${hex(next, 8)}`, key: `logs/${hex(next, 12)}.json`, maxResults: 100 },
    responseElements: null,
    additionalEventData: { bytesTransferredIn: Math.floor(next() * 4096), bytesTransferredOut: Math.floor(next() * 65536), 'x-amz-id-2': hex(next, 60) },
    requestID: uuid(next),
    eventID: uuid(next),
    readOnly: next() < 0.7,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${eventSource.split('.')[0]}.us-east-1.amazonaws.com` },
  };
}
