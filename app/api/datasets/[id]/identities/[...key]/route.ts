import { notFound } from '@/lib/http/responses';
import { viewRoute } from '@/lib/http/view-route';
import { getIdentity } from '@/lib/store/get-identity';
import { identityKeyOf } from '@/lib/view/identity-path';

/** One principal under a view, with its sessions, sightings, sign-ins, redactions and session chains. */
export const GET = viewRoute<{ id: string; key: string[] }>(async (id, view, { params }) => {
  const identity = await getIdentity(id, identityKeyOf(params.key, { encoded: false }), view);
  return identity ? Response.json(identity) : notFound('identity');
});
