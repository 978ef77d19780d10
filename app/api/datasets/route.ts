import { accessRefusal } from '@/lib/http/access';
import { errorResponse, errorToResponse } from '@/lib/http/responses';
import { sourceOf } from '@/lib/http/request-source';
import { createDatasetFrom } from '@/lib/ingest/sources';
import { listDatasets } from '@/lib/store/datasets';

// Uploads come here, so the proxy leaves this route alone (it would cut their bodies): access is checked here.

export async function GET(request: Request): Promise<Response> {
  const refusal = accessRefusal(request);
  if (refusal) return refusal;
  return Response.json({ datasets: await listDatasets() });
}

/** Multipart `file` parts, or JSON `{"path"}`, `{"text"}` or `{"s3"}`: answers 202 with the new dataset's ID. */
export async function POST(request: Request): Promise<Response> {
  const refusal = accessRefusal(request);
  if (refusal) return refusal;
  try {
    const gather = await sourceOf(request);
    if (!gather) return errorResponse(400, 'bad_request', 'send multipart file parts, or JSON {"path": ...}, {"text": ...} or {"s3": ...}');
    const { id } = await createDatasetFrom(gather);
    return Response.json({ id }, { status: 202 });
  } catch (error) {
    return errorToResponse(error);
  }
}
