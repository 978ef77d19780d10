import { clearIngestScratch } from './ingest/ingest-job';
import { ensureSampleDataset } from './ingest/sample-dataset';
import { createDatasetFrom, serverPathSource } from './ingest/sources';
import { markInterrupted } from './store/datasets';

/** Paths handed to `npm start -- <path>`, passed on by scripts/start.mjs one per line. */
const START_PATHS_VARIABLE = 'TRAILSCOPE_START_PATHS';

export async function startUp(): Promise<void> {
  clearIngestScratch();
  const interrupted = await markInterrupted();
  if (interrupted) console.warn(`Trailscope: ${interrupted} dataset(s) were left half-read by a stopped server and are marked so.`);
  await ensureSampleDataset();
  const paths = (process.env[START_PATHS_VARIABLE] ?? '').split('\n').filter(Boolean);
  for (const requested of paths) {
    try {
      // The operator named this path on the command line, so it is read even outside the log roots.
      const { id } = await createDatasetFrom(serverPathSource(requested, { trusted: true }));
      console.log(`Trailscope: ingesting ${requested} into /datasets/${id}`);
    } catch (error) {
      console.error(`Trailscope: cannot read ${requested}: ${error instanceof Error ? error.message : error}`);
    }
  }
}
