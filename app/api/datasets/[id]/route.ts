import { notFound } from '@/lib/http/responses';
import { discardDataset } from '@/lib/ingest/sources';
import { getDataset } from '@/lib/store/datasets';

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const dataset = await getDataset((await params).id);
  return dataset ? Response.json(dataset) : notFound('dataset');
}

export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  return (await discardDataset((await params).id)) ? new Response(null, { status: 204 }) : notFound('dataset');
}
