import { notFound } from '@/lib/http/responses';
import { getEventsById } from '@/lib/store/get-event';

type Context = { params: Promise<{ id: string; eventId: string }> };

/**
 * The full original record with its redactions and repairs. When several different records share
 * the eventID, the first is answered and `variants` lists them all; `?variant=<contentHash>` picks one.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id, eventId } = await params;
  const records = await getEventsById(id, eventId);
  const wanted = new URL(request.url).searchParams.get('variant');
  const chosen = wanted ? records.find((record) => record.contentHash === wanted) : records[0];
  if (!chosen) return notFound('event');
  return Response.json({ ...chosen, variants: records.map((record) => record.contentHash) });
}
