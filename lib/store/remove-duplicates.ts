import { withConnection } from './database';

/**
 * Deletes all but the first copy of identical records (same content, hence same eventID) in a
 * dataset and returns how many went. Records that only share an eventID differ in content and stay.
 */
export async function removeDuplicateEvents(datasetId: string): Promise<number> {
  return withConnection(async (connection) => {
    const result = await connection.run(
      `DELETE FROM events WHERE rowid IN (
         SELECT rowid FROM (
           SELECT rowid, row_number() OVER (PARTITION BY content_hash ORDER BY seq) AS copy
             FROM events WHERE dataset_id = ?
         ) WHERE copy > 1
       )`,
      [datasetId],
    );
    return result.rowsChanged;
  });
}
