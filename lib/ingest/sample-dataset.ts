import path from 'node:path';
import { deleteDataset, findSampleDataset } from '@/lib/store/datasets';
import { collectFiles } from './collect-files';
import { createDatasetFrom, filesSource } from './sources';

const SEED_RECORDS = /^\d{3}-[a-z-]+\.json$/;

/** The seed documents' records plus the S3 delivery tree built from real logs. */
async function sampleFiles() {
  const fixtures = path.join(process.cwd(), 'fixtures');
  const seeds = (await collectFiles(path.join(fixtures, 'seeds'))).filter((file) => SEED_RECORDS.test(path.basename(file.name)));
  return [...seeds, ...(await collectFiles(path.join(fixtures, 's3-layout')))];
}

/** Makes sure a new user finds a dataset to browse: ingests the sample once per data directory. */
export async function ensureSampleDataset(): Promise<void> {
  const existing = await findSampleDataset();
  if (existing?.status === 'ready') return;
  // A sample left half-read by an interrupted start is read again from scratch.
  if (existing) await deleteDataset(existing.id);
  const files = await sampleFiles();
  const { done } = await createDatasetFrom(
    filesSource(files, 'Sample: AWS documentation examples and real attack logs', 'fixtures/seeds and fixtures/s3-layout'),
    { isSample: true },
  );
  await done;
}
