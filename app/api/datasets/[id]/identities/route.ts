import { viewRoute } from '@/lib/http/view-route';
import { getIdentities } from '@/lib/store/get-identities';
import { identityListParamsSchema, parsePageParams } from '@/lib/view/page-params';

/** The principals under a view, searched by `find` and ordered by `by` and `dir`. */
export const GET = viewRoute(async (id, view, { searchParams }) =>
  Response.json(await getIdentities(id, view, parsePageParams(identityListParamsSchema, searchParams))),
);
