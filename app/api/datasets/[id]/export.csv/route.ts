import { csvLines } from '@/lib/export/csv';
import { errorToResponse, notFound } from '@/lib/http/responses';
import { streamResponse } from '@/lib/http/stream-response';
import { getDataset } from '@/lib/store/datasets';
import { EXPORT_COLUMNS, streamExportRows } from '@/lib/store/stream-export-rows';
import { parseView } from '@/lib/view/url-codec';

type Context = { params: Promise<{ id: string }> };

/** Every event of the view (paging ignored) as CSV, formula cells neutralized. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    const view = parseView(new URL(request.url).searchParams);
    if (!(await getDataset(id))) return notFound('dataset');
    async function* lines() {
      let first = true;
      for await (const rows of streamExportRows(id, view)) {
        yield csvLines(rows, EXPORT_COLUMNS, first);
        first = false;
      }
      if (first) yield csvLines([], EXPORT_COLUMNS, true);
    }
    return streamResponse(lines(), {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="trailscope-${id}.csv"`,
    });
  } catch (error) {
    return errorToResponse(error);
  }
}
