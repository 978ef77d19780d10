import { z } from 'zod';
import { errorResponse, errorToResponse, notFound } from '@/lib/http/responses';
import { getDataset } from '@/lib/store/datasets';
import { createShortLink } from '@/lib/store/short-links';
import { parseView, viewToSearchParams } from '@/lib/view/url-codec';

const bodySchema = z.object({ datasetId: z.string().min(1).max(64), query: z.string().max(16_384) });

/** `{datasetId, query}` → `201 {id, path}`: the view kept server-side, reachable at `/v/<id>`. */
export async function POST(request: Request): Promise<Response> {
  try {
    const parsed = bodySchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return errorResponse(400, 'bad_request', 'send {"datasetId": ..., "query": ...}');
    const { datasetId } = parsed.data;
    if (!(await getDataset(datasetId))) return notFound('dataset');
    // Stored in canonical form, and only once it is known to be a valid view.
    const query = viewToSearchParams(parseView(new URLSearchParams(parsed.data.query))).toString();
    const id = await createShortLink({ datasetId, query });
    return Response.json({ id, path: `/v/${id}` }, { status: 201 });
  } catch (error) {
    return errorToResponse(error);
  }
}
