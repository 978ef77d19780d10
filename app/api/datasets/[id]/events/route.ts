import { viewRoute } from '@/lib/http/view-route';
import { getEvents } from '@/lib/store/get-events';

/** A page of the view's events, with the total that matches. */
export const GET = viewRoute(async (id, view) => Response.json(await getEvents(id, view)));
