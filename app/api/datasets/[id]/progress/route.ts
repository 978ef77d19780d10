import { notFound } from '@/lib/http/responses';
import { getDataset } from '@/lib/store/datasets';

type Context = { params: Promise<{ id: string }> };

const EVERY_MS = 500;

/** Server-sent events: the dataset (status and progress) every half second until reading ends. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  if (!(await getDataset(id))) return notFound('dataset');
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      while (!request.signal.aborted) {
        const dataset = await getDataset(id);
        if (!dataset) break;
        controller.enqueue(encoder.encode(`event: progress\ndata: ${JSON.stringify(dataset)}\n\n`));
        if (dataset.status !== 'ingesting') break;
        await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } });
}
