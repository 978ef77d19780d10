import { csvLines } from '@/lib/export/csv';
import { streamResponse } from '@/lib/http/stream-response';
import { viewRoute } from '@/lib/http/view-route';
import { EXPORT_COLUMNS, streamExportRows } from '@/lib/store/stream-export-rows';
import type { View } from '@/lib/view/view-schema';

async function* csvOf(id: string, view: View): AsyncGenerator<string> {
  let first = true;
  for await (const rows of streamExportRows(id, view)) {
    yield csvLines(rows, EXPORT_COLUMNS, first);
    first = false;
  }
  if (first) yield csvLines([], EXPORT_COLUMNS, true);
}

/** Every event of the view (paging ignored) as CSV, formula cells neutralized. */
export const GET = viewRoute(async (id, view) =>
  streamResponse(csvOf(id, view), {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="trailscope-${id}.csv"`,
  }),
);
