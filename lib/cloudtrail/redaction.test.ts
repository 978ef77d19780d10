import { describe, expect, it } from 'vitest';
import { findRedactions } from './redaction';

const redactions = (record: Record<string, unknown>) => findRedactions(record, JSON.stringify(record));

describe('findRedactions', () => {
  it('names every kind of hidden value with its JSON path', () => {
    const record = {
      eventSource: 'ssm.amazonaws.com',
      eventName: 'SendCommand',
      userIdentity: { userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      requestParameters: {
        parameters: 'Value hidden due to security reasons.',
        commands: ['<sensitiveDataRemoved>', 'echo ok'],
        authKey: '[PROTECTED]',
        token: 'AKIA***XYZ',
        note: 'Redacted',
      },
      responseElements: { omitted: true, reason: 'over 100 KB' },
    };
    expect(redactions(record)).toEqual([
      { path: 'userIdentity.userName', kind: 'hidden' },
      { path: 'requestParameters.parameters', kind: 'hidden' },
      { path: 'requestParameters.commands[0]', kind: 'hidden' },
      { path: 'requestParameters.authKey', kind: 'protected' },
      { path: 'requestParameters.token', kind: 'masked' },
      { path: 'requestParameters.note', kind: 'masked' },
      { path: 'responseElements', kind: 'omitted' },
    ]);
  });

  it('tells a response the service never logs from a read-only call that simply returned nothing', () => {
    const connect = { eventSource: 'connect.amazonaws.com', eventName: 'ListUsers', responseElements: null };
    expect(redactions(connect)).toEqual([{ path: 'responseElements', kind: 'response-not-logged' }]);
    expect(redactions({ ...connect, eventName: 'CreateUser' })).toEqual([]);
    expect(redactions({ ...connect, errorCode: 'AccessDenied' })).toEqual([]);
    expect(redactions({ eventSource: 'config.amazonaws.com', eventName: 'DescribeDeliveryChannels', responseElements: null })).toEqual([]);
  });

  it('finds a mask inside a value, and nothing where no marker appears', () => {
    expect(redactions({ eventName: 'GetObject', requestParameters: { bucketName: 'logs', key: 'a***' } })).toEqual([{ path: 'requestParameters.key', kind: 'masked' }]);
    expect(redactions({ eventName: 'GetObject', requestParameters: { bucketName: 'logs' } })).toEqual([]);
  });
});
