import { streamResponse } from '@/lib/http/stream-response';
import { viewRoute } from '@/lib/http/view-route';
import { streamExportRows } from '@/lib/store/stream-export-rows';
import type { View } from '@/lib/view/view-schema';

async function* linesOf(id: string, view: View): AsyncGenerator<string> {
  for await (const rows of streamExportRows(id, view)) yield rows.map((row) => `${String(row.record)}\n`).join('');
}

/** Every original record of the view (paging ignored), one compact JSON object per line. */
export const GET = viewRoute(async (id, view) =>
  streamResponse(linesOf(id, view), {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="trailscope-${id}.jsonl"`,
  }),
);
