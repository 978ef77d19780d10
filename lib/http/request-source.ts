import { z } from 'zod';
import { serverConfig } from '@/lib/config';
import { UploadTooLargeError } from '@/lib/ingest/receive-upload';
import { type Gather, s3Source, serverPathSource, textSource, uploadSource } from '@/lib/ingest/sources';

const jsonSourceSchema = z.union([
  z.object({ path: z.string().min(1).max(4096), name: z.string().max(200).optional() }),
  z.object({ text: z.string().min(1), name: z.string().max(200).optional() }),
  z.object({ s3: z.string().min(1).max(2048), endpoint: z.url().max(2048).optional(), name: z.string().max(200).optional() }),
]);

/** The request's body as text, read no further than `maxBytes`: a JSON body is held whole to be parsed. */
async function boundedText(request: Request, maxBytes: number): Promise<string> {
  const refuse = () => new UploadTooLargeError(maxBytes, 'the request body');
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw refuse();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw refuse();
    }
    pieces.push(next.value);
  }
  return Buffer.concat(pieces).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The source a request names: multipart file parts, or JSON `{"path"}`, `{"text"}` or `{"s3", "endpoint"?}`; null when it names none. */
export async function sourceOf(request: Request): Promise<Gather | null> {
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return uploadSource(request);
  const parsed = jsonSourceSchema.safeParse(parseJson(await boundedText(request, serverConfig().maxPasteBytes)));
  if (!parsed.success) return null;
  const source = parsed.data;
  if ('path' in source) return serverPathSource(source.path, { name: source.name });
  if ('s3' in source) return s3Source(source.s3, { endpoint: source.endpoint, name: source.name });
  return textSource(source.text, source.name);
}
