import { describe, expect, it } from 'vitest';
import { eventsOf, readAll } from './test-support';

// The header of the current console download, and a row in its format with example values.
const CURRENT = [
  'User name,AWS access key,Event time,Event source,Event name,AWS region,Source IP address,User agent,Error code,Resources,Request ID,Event ID,Read-only,Event type,Recipient Account Id,Event category',
  'Alice,ASIAEXAMPLEKEY000001,2021-01-26T22:48:41Z,iam.amazonaws.com,AttachGroupPolicy,us-east-1,203.0.113.7,console.amazonaws.com,,"[{""resourceType"":""AWS::IAM::Group"",""resourceName"":""Admins""}]",11111111-2222-3333-4444-555555555555,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,false,AwsApiCall,111122223333,Management',
  'Bob,,2021-01-26T22:50:00Z,signin.amazonaws.com,ConsoleLogin,us-east-1,198.51.100.2,Mozilla/5.0,Failed authentication,[],,ffffffff-0000-1111-2222-333333333333,false,AwsConsoleSignIn,111122223333,Management',
].join('\r\n');

const OLD = [
  'Event ID,Event time,User name,Event name,Resource type,Resources,AWS access key,AWS region,Error code,Source IP address',
  '2e7bd645-0000-4903-8e5b-cc5de5a67ab2,"2020-05-13, 04:52:01 PM",root,ConsoleLogin,,,,us-east-1,,198.51.100.9',
].join('\n');

describe('console Event history CSV', () => {
  it('rebuilds a partial record from each row of the current download and says so', async () => {
    const items = await readAll(`\uFEFF${CURRENT}`, { file: 'event_history.csv' });
    expect(items.map((item) => item.type)).toEqual(['event', 'event']);
    const [first, second] = eventsOf(items);
    expect(first).toMatchObject({
      eventId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      eventTime: '2021-01-26T22:48:41.000Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'AttachGroupPolicy',
      sourceIPAddress: '203.0.113.7',
      readOnly: false,
      accountId: '111122223333',
      eventCategory: 'Management',
      principal: { display: 'Alice', accessKeyId: 'ASIAEXAMPLEKEY000001' },
    });
    expect(JSON.parse(first!.json).resources).toEqual([{ type: 'AWS::IAM::Group', ARN: 'Admins' }]);
    expect(first!.resourceArns).toEqual(['Admins']);
    expect(first!.repairs).toEqual([
      { kind: 'rebuilt-from-csv', message: expect.stringContaining('console CSV'), at: { line: 2, column: 1 } },
    ]);
    expect(second).toMatchObject({ errorCode: 'Failed authentication', principal: { accessKeyId: null } });
  });

  it('reads the older ten-column download, whose local times carry no zone', async () => {
    const [event] = eventsOf(await readAll(OLD, { file: 'old.csv' }));
    expect(event).toMatchObject({ eventId: '2e7bd645-0000-4903-8e5b-cc5de5a67ab2', eventName: 'ConsoleLogin', eventTime: '2020-05-13T16:52:01.000Z' });
    expect(event!.repairs.map((repair) => repair.kind)).toEqual(['rebuilt-from-csv', 'time-format']);
    expect(event!.repairs[1]!.message).toContain('UTC assumed');
  });
});
