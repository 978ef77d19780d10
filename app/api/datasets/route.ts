import { errorResponse, errorToResponse } from '@/lib/http/responses';
import { sourceOf } from '@/lib/http/request-source';
import { createDatasetFrom } from '@/lib/ingest/sources';
import { listDatasets } from '@/lib/store/datasets';

export async function GET(): Promise<Response> {
  return Response.json({ datasets: await listDatasets() });
}

/** Multipart `file` parts, or JSON `{"path"}`, `{"text"}` or `{"s3"}`: answers 202 with the new dataset's ID. */
export async function POST(request: Request): Promise<Response> {
  try {
    const gather = await sourceOf(request);
    if (!gather) return errorResponse(400, 'bad_request', 'send multipart file parts, or JSON {"path": ...}, {"text": ...} or {"s3": ...}');
    const { id } = await createDatasetFrom(gather);
    return Response.json({ id }, { status: 202 });
  } catch (error) {
    return errorToResponse(error);
  }
}
