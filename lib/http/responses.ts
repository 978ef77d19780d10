import { TooManyFilesError } from '@/lib/ingest/collect-files';
import { IngestBusyError } from '@/lib/ingest/ingest-job';
import { PathOutsideRootsError } from '@/lib/ingest/log-roots';
import { S3UriError } from '@/lib/ingest/s3-prefix';
import { EndpointNotAllowedError } from '@/lib/ingest/sources';
import { UploadTooLargeError } from '@/lib/ingest/receive-upload';
import { ViewError } from '@/lib/view/url-codec';

/** The one error shape every API response uses. */
export function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

export function notFound(what: string): Response {
  return errorResponse(404, 'not_found', `${what} not found`);
}

/** Errors from the AWS SDK: the service's answer (in `$metadata`), or no credentials found. */
function isS3ServiceError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return typeof (error as { $metadata?: unknown }).$metadata === 'object' || error.name === 'CredentialsProviderError';
}

/** Maps the errors the library throws on bad requests to their HTTP status; anything else is a 500. */
export function errorToResponse(error: unknown): Response {
  if (error instanceof ViewError) return errorResponse(400, 'bad_view', error.message);
  if (error instanceof PathOutsideRootsError) return errorResponse(403, 'path_outside_roots', error.message);
  if (error instanceof UploadTooLargeError) return errorResponse(413, 'too_large', error.message);
  if (error instanceof TooManyFilesError) return errorResponse(413, 'too_many_files', error.message);
  if (error instanceof IngestBusyError) return errorResponse(409, 'busy', error.message);
  if (error instanceof S3UriError) return errorResponse(400, 'bad_source', error.message);
  if (error instanceof EndpointNotAllowedError) return errorResponse(403, 'endpoint_not_allowed', error.message);
  if (isS3ServiceError(error)) return errorResponse(502, 'source_unavailable', `S3 answered ${error.name}: ${error.message}`);
  if (error instanceof Error && /No space left on device|database has been invalidated/.test(error.message)) {
    console.error(error);
    return errorResponse(503, 'store_unavailable', 'the store cannot write its data directory (is the disk full?); free some space and try again');
  }
  console.error(error);
  return errorResponse(500, 'internal', 'internal error');
}
