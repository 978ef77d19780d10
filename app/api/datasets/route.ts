import { z } from 'zod';
import { errorResponse, errorToResponse } from '@/lib/http/responses';
import { ingestServerPath, ingestText, ingestUpload } from '@/lib/ingest/sources';
import { listDatasets } from '@/lib/store/datasets';

const jsonSourceSchema = z.union([
  z.object({ path: z.string().min(1).max(4096), name: z.string().max(200).optional() }),
  z.object({ text: z.string().min(1), name: z.string().max(200).optional() }),
]);

export async function GET(): Promise<Response> {
  return Response.json({ datasets: await listDatasets() });
}

/** Multipart `file` parts, or JSON `{"path"}` / `{"text"}`: answers 202 with the new dataset's ID. */
export async function POST(request: Request): Promise<Response> {
  try {
    const type = request.headers.get('content-type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      return Response.json({ id: await ingestUpload(request) }, { status: 202 });
    }
    const parsed = jsonSourceSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) {
      return errorResponse(400, 'bad_request', 'send multipart file parts, or JSON {"path": ...} or {"text": ...}');
    }
    const source = parsed.data;
    const id =
      'path' in source ? (await ingestServerPath(source.path, { name: source.name })).id : await ingestText(source.text, source.name);
    return Response.json({ id }, { status: 202 });
  } catch (error) {
    return errorToResponse(error);
  }
}
