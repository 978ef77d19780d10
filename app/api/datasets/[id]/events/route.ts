import { errorToResponse, notFound } from '@/lib/http/responses';
import { getDataset } from '@/lib/store/datasets';
import { getEvents } from '@/lib/store/get-events';
import { parseView } from '@/lib/view/url-codec';

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    const view = parseView(new URL(request.url).searchParams);
    if (!(await getDataset(id))) return notFound('dataset');
    return Response.json(await getEvents(id, view));
  } catch (error) {
    return errorToResponse(error);
  }
}
