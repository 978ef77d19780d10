import { viewRoute } from '@/lib/http/view-route';
import { getTimeline } from '@/lib/store/get-timeline';
import { parsePageParams, timelineParamsSchema } from '@/lib/view/page-params';

/** One lane per service over the view's span, ordered by `lanes`: volume, errors, first or name. */
export const GET = viewRoute(async (id, view, { searchParams }) => {
  const { lanes } = parsePageParams(timelineParamsSchema, searchParams);
  return Response.json(await getTimeline(id, view, lanes));
});
