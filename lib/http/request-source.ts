import { z } from 'zod';
import { serverConfig } from '@/lib/config';
import { boundedText } from './bounded-body';
import { type Gather, s3Source, serverPathSource, textSource, uploadSource } from '@/lib/ingest/sources';

const jsonSourceSchema = z.union([
  z.object({ path: z.string().min(1).max(4096), name: z.string().max(200).optional() }),
  z.object({ text: z.string().min(1), name: z.string().max(200).optional() }),
  z.object({ s3: z.string().min(1).max(2048), endpoint: z.url().max(2048).optional(), name: z.string().max(200).optional() }),
]);

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
