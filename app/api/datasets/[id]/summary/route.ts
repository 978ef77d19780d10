import { viewRoute } from '@/lib/http/view-route';
import { getSummary } from '@/lib/store/get-summary';

/** Total, facet counts, histogram and per-service series for a view. */
export const GET = viewRoute(async (id, view) => Response.json(await getSummary(id, view)));
