import { accessRefusal } from '@/lib/http/access';
import { errorResponse, errorToResponse, notFound } from '@/lib/http/responses';
import { sourceOf } from '@/lib/http/request-source';
import { addToDataset } from '@/lib/ingest/sources';
import { getDataset } from '@/lib/store/datasets';

type Context = { params: Promise<{ id: string }> };

/** More files for a dataset, in the same forms as creating one: answers 202 while they are read. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  // Uploads come here, so the proxy leaves this route alone (it would cut their bodies): access is checked here.
  const refusal = accessRefusal(request);
  if (refusal) return refusal;
  try {
    const { id } = await params;
    if (!(await getDataset(id))) return notFound('dataset');
    const gather = await sourceOf(request);
    if (!gather) return errorResponse(400, 'bad_request', 'send multipart file parts, or JSON {"path": ...}, {"text": ...} or {"s3": ...}');
    await addToDataset(id, gather);
    return Response.json({ id }, { status: 202 });
  } catch (error) {
    return errorToResponse(error);
  }
}
