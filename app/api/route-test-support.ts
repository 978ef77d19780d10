import * as dataset from './datasets/[id]/route';

// Route handlers called as Next.js calls them, for the API tests.
const base = 'http://127.0.0.1';

export const context = (params: Record<string, string | string[]>) => ({ params: Promise.resolve(params) }) as never;
export const get = (url: string) => new Request(`${base}${url}`);
export const postJson = (url: string, body: unknown) =>
  new Request(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Polls a dataset until its reading ends, and answers it. */
export async function waitUntilRead(id: string) {
  for (;;) {
    const body = await (await dataset.GET(get(`/api/datasets/${id}`), context({ id }))).json();
    if (body.status !== 'ingesting') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
