import { z } from 'zod';
import { errorResponse, notFound } from '@/lib/http/responses';
import { getDataset } from '@/lib/store/datasets';
import { getProblems, PROBLEM_KINDS } from '@/lib/store/problems';
import { getRepairedEvents } from '@/lib/store/get-repaired-events';

type Context = { params: Promise<{ id: string }> };

const kindsSchema = z.array(z.enum(PROBLEM_KINDS)).max(PROBLEM_KINDS.length);

/**
 * Quarantined records, unreadable and skipped files, and repaired records with their repairs; with
 * `?kind=`, only problems of those kinds, so a progress view can ask for file errors cheaply.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const kinds = kindsSchema.safeParse(new URL(request.url).searchParams.getAll('kind'));
  if (!kinds.success) return errorResponse(400, 'bad_request', `kind must be one of ${PROBLEM_KINDS.join(', ')}`);
  if (!(await getDataset(id))) return notFound('dataset');
  if (kinds.data.length > 0) return Response.json({ problems: await getProblems(id, kinds.data) });
  const [problems, repaired] = await Promise.all([getProblems(id), getRepairedEvents(id)]);
  return Response.json({ problems, repaired });
}
