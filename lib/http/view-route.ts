import { getDataset } from '@/lib/store/datasets';
import { parseView } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';
import { errorToResponse, notFound } from './responses';

type Context<Params> = { params: Promise<Params> };

/** What a view route's handler gets besides the view: the whole query string and the path's parameters. */
export interface ViewRequest<Params> {
  searchParams: URLSearchParams;
  params: Params;
}

/**
 * A GET handler for `/api/datasets/{id}/…?<view>`: reads the view from the query string, checks
 * the dataset exists, and answers with `respond`; bad views and the like become the one error shape.
 */
export function viewRoute<Params extends { id: string } = { id: string }>(
  respond: (datasetId: string, view: View, request: ViewRequest<Params>) => Promise<Response>,
) {
  return async (request: Request, { params }: Context<Params>): Promise<Response> => {
    try {
      const resolved = await params;
      const searchParams = new URL(request.url).searchParams;
      const view = parseView(searchParams);
      if (!(await getDataset(resolved.id))) return notFound('dataset');
      return await respond(resolved.id, view, { searchParams, params: resolved });
    } catch (error) {
      return errorToResponse(error);
    }
  };
}
