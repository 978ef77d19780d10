import type { CompiledView } from '@/lib/view/view-to-sql';
import { queryRows } from './database';
import { isoSql, numberOf, textOf } from './rows';

export interface Sighting {
  value: string;
  events: number;
  first: string | null;
  last: string | null;
  /** When the dataset first shows the identity with this value (any time range). */
  firstInDataset: string | null;
  /** First seen after the identity's earliest activity in the dataset: new to this identity. */
  isNew: boolean;
}

export interface Sightings {
  sourceIps: Sighting[];
  userAgents: Sighting[];
  accessKeys: Sighting[];
}

const TOP = 25;
const DIMENSIONS = { ip: 'sourceIps', agent: 'userAgents', key: 'accessKeys' } as const;

/**
 * Source IPs, user agents and access keys of one identity under a view, in one pass over the
 * identity's rows. "New" compares with the identity's whole history in the dataset, so a range
 * that starts mid-way still tells a returning address from a first one.
 */
export async function getIdentitySightings(datasetId: string, identityKey: string, { where, params }: CompiledView): Promise<Sightings> {
  const rows = await queryRows(
    `WITH mine AS (
       SELECT source_ip, user_agent, access_key_id, event_time, (${where}) IS TRUE AS in_view
         FROM events WHERE dataset_id = ? AND identity_key = ?),
     counted AS (
       SELECT CASE WHEN grouping(source_ip) = 0 THEN 'ip' WHEN grouping(user_agent) = 0 THEN 'agent' ELSE 'key' END AS dimension,
              coalesce(source_ip, user_agent, access_key_id) AS value, count(*) FILTER (WHERE in_view) AS n,
              min(event_time) FILTER (WHERE in_view) AS first_time, max(event_time) FILTER (WHERE in_view) AS last_time,
              min(event_time) AS first_ever
         FROM mine GROUP BY GROUPING SETS ((source_ip), (user_agent), (access_key_id)))
     SELECT dimension, value, n, ${isoSql('first_time')} AS first, ${isoSql('last_time')} AS last, ${isoSql('first_ever')} AS first_ever,
            first_ever > (SELECT min(event_time) FROM mine) AS is_new
       FROM counted WHERE n > 0 AND value IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY dimension ORDER BY n DESC, value) <= ${TOP}
      ORDER BY dimension, n DESC, value`,
    [...params, datasetId, identityKey],
  );
  const sightings: Sightings = { sourceIps: [], userAgents: [], accessKeys: [] };
  for (const row of rows) {
    sightings[DIMENSIONS[row.dimension as keyof typeof DIMENSIONS]].push({
      value: String(row.value),
      events: numberOf(row.n),
      first: textOf(row.first),
      last: textOf(row.last),
      firstInDataset: textOf(row.first_ever),
      isNew: row.is_new === true,
    });
  }
  return sightings;
}
