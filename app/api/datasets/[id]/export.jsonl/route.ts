import { errorToResponse, notFound } from '@/lib/http/responses';
import { streamResponse } from '@/lib/http/stream-response';
import { getDataset } from '@/lib/store/datasets';
import { streamExportRows } from '@/lib/store/stream-export-rows';
import { parseView } from '@/lib/view/url-codec';

type Context = { params: Promise<{ id: string }> };

/** Every original record of the view (paging ignored), one compact JSON object per line. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    const view = parseView(new URL(request.url).searchParams);
    if (!(await getDataset(id))) return notFound('dataset');
    async function* lines() {
      for await (const rows of streamExportRows(id, view)) yield rows.map((row) => `${String(row.record)}\n`).join('');
    }
    return streamResponse(lines(), {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="trailscope-${id}.jsonl"`,
    });
  } catch (error) {
    return errorToResponse(error);
  }
}
