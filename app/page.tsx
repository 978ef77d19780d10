import { DatasetList } from '@/components/dataset-list';
import { DropZone } from '@/components/drop-zone';
import { PasteForm, S3PrefixForm, ServerPathForm } from '@/components/source-forms';
import { serverConfig } from '@/lib/config';
import { listDatasets } from '@/lib/store/datasets';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const datasets = await listDatasets();
  const config = serverConfig();
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold">Load CloudTrail logs</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Drop log files or whole folders: gzipped <code>{'{"Records":[...]}'}</code> files in the S3 delivery layout,
          JSON Lines, or records pasted from documentation. Damaged records are repaired or set aside, and every
          repair is shown.
        </p>
        <DropZone />
        <div className="grid gap-6 md:grid-cols-2">
          <PasteForm />
          <div className="space-y-6">
            <ServerPathForm roots={config.logRoots} />
            <S3PrefixForm endpoints={config.s3Endpoints} />
          </div>
        </div>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Datasets</h2>
        <DatasetList datasets={datasets} />
      </section>
    </div>
  );
}
