import { UploadTooLargeError } from '@/lib/ingest/receive-upload';

/** The request's body as text, read no further than `maxBytes`: a JSON body is held whole to be parsed. */
export async function boundedText(request: Request, maxBytes: number): Promise<string> {
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
