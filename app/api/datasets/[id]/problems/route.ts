import { notFound } from '@/lib/http/responses';
import { getDataset } from '@/lib/store/datasets';
import { getProblems } from '@/lib/store/problems';
import { getRepairedEvents } from '@/lib/store/get-repaired-events';

type Context = { params: Promise<{ id: string }> };

/** Quarantined records, unreadable and skipped files, and repaired records with their repairs. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  if (!(await getDataset(id))) return notFound('dataset');
  const [problems, repaired] = await Promise.all([getProblems(id), getRepairedEvents(id)]);
  return Response.json({ problems, repaired });
}
