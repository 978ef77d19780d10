import { errorResponse, notFound } from '@/lib/http/responses';
import { cancelIngest } from '@/lib/ingest/ingest-job';
import { getDataset } from '@/lib/store/datasets';

type Context = { params: Promise<{ id: string }> };

/** Stops a dataset's reading after the current batch; what was read stays, and the status says `cancelled`. */
export async function POST(_request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  if (!(await getDataset(id))) return notFound('dataset');
  if (!cancelIngest(id)) return errorResponse(409, 'not_ingesting', 'this dataset is not reading files');
  return new Response(null, { status: 202 });
}
