import { viewRoute } from '@/lib/http/view-route';
import { getOverview } from '@/lib/store/get-overview';

/** Coverage of a view: accounts, regions, time and gaps, versions, top services and identities, redactions. */
export const GET = viewRoute(async (id, view) => Response.json(await getOverview(id, view)));
