import { randomBytes } from 'node:crypto';
import { withConnection } from './database';
import { readRows } from './rows';

export interface ShortLink {
  datasetId: string;
  /** The view's query string, as the pages write it. */
  query: string;
}

/** Keeps a view server-side under an unguessable 128-bit ID, so a link can travel without its ARNs and IPs. */
export async function createShortLink(link: ShortLink): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await withConnection((connection) =>
    connection.run('INSERT INTO short_links VALUES (?, ?, ?, now()::TIMESTAMP)', [id, link.datasetId, link.query]),
  );
  return id;
}

export async function getShortLink(id: string): Promise<ShortLink | null> {
  const [row] = await withConnection((connection) => readRows(connection, 'SELECT dataset_id, query FROM short_links WHERE id = ?', [id]));
  return row ? { datasetId: String(row.dataset_id), query: String(row.query) } : null;
}
