import { getDataset } from '@/lib/store/datasets';
import { parseView } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';
import { errorToResponse, notFound } from './responses';

type Context = { params: Promise<{ id: string }> };

/**
 * A GET handler for `/api/datasets/{id}/…?<view>`: reads the view from the query string, checks
 * the dataset exists, and answers with `respond`; bad views and the like become the one error shape.
 */
export function viewRoute(respond: (datasetId: string, view: View) => Promise<Response>) {
  return async (request: Request, { params }: Context): Promise<Response> => {
    try {
      const { id } = await params;
      const view = parseView(new URL(request.url).searchParams);
      if (!(await getDataset(id))) return notFound('dataset');
      return await respond(id, view);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}
