import { errorToResponse, notFound } from '@/lib/http/responses';
import { getDataset } from '@/lib/store/datasets';
import { getSummary } from '@/lib/store/get-summary';
import { parseView } from '@/lib/view/url-codec';

type Context = { params: Promise<{ id: string }> };

/** Total, facet counts, histogram and per-service series for a view. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    const view = parseView(new URL(request.url).searchParams);
    if (!(await getDataset(id))) return notFound('dataset');
    return Response.json(await getSummary(id, view));
  } catch (error) {
    return errorToResponse(error);
  }
}
