const BUCKET_SIZES = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 7 * 86_400, 30 * 86_400];
const YEAR = 365 * 86_400;

/** Equal time slots over a span, the axis every time chart of a view shares. */
export interface TimeBuckets {
  bucketSeconds: number;
  /** Bucket start instants, ISO UTC, oldest first. */
  starts: string[];
}

const bucketCount = (first: number, last: number, size: number) => Math.floor(last / size) - Math.floor(first / size) + 1;

/**
 * The smallest bucket size that covers the span in at most `maxBuckets` aligned buckets; past the
 * list, whole years (a hostile eventTime can lie in year 275760).
 */
export function bucketSecondsFor(firstSeconds: number, lastSeconds: number, maxBuckets: number): number {
  return (
    BUCKET_SIZES.find((size) => bucketCount(firstSeconds, lastSeconds, size) <= maxBuckets) ??
    Math.ceil((lastSeconds - firstSeconds) / (maxBuckets - 1) / YEAR) * YEAR
  );
}

/** Bucket starts (epoch seconds) from the one holding `fromSeconds` to the one holding `toSeconds`. */
export function bucketStarts(fromSeconds: number, toSeconds: number, size: number): number[] {
  const first = Math.floor(fromSeconds / size) * size;
  const starts: number[] = [];
  for (let start = first; start <= toSeconds; start += size) starts.push(start);
  return starts;
}

export const isoOfSeconds = (seconds: number) => new Date(seconds * 1000).toISOString();
