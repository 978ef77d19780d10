'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { postSource } from './post-source';

const inputClass = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950';
const buttonClass = 'rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900';

function useSubmit() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>, body: Record<string, string>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      router.push(`/datasets/${await postSource(body)}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

function Failure({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}

/** Records pasted from documentation, a ticket or a chat, in any form the reader knows. */
export function PasteForm() {
  const { busy, error, submit } = useSubmit();
  const [text, setText] = useState('');
  return (
    <form className="space-y-2" onSubmit={(event) => submit(event, { text, name: 'pasted records' })}>
      <label className="block text-sm font-medium" htmlFor="paste">
        Paste records
      </label>
      <textarea
        id="paste"
        className={`${inputClass} h-28 font-mono text-xs`}
        placeholder='{"eventVersion": "1.08", "eventName": "...", ...} — one record, many, or a {"Records": [...]} file'
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className={buttonClass} disabled={busy || text.trim() === ''}>
        Read pasted records
      </button>
      <Failure message={error} />
    </form>
  );
}

/** A file or folder already on the server, inside the configured log roots. */
export function ServerPathForm({ roots }: { roots: string[] }) {
  const { busy, error, submit } = useSubmit();
  const [path, setPath] = useState(roots[0] ?? '');
  return (
    <form className="space-y-2" onSubmit={(event) => submit(event, { path })}>
      <label className="block text-sm font-medium" htmlFor="server-path">
        Read a path on the server
      </label>
      <input id="server-path" className={`${inputClass} font-mono`} value={path} onChange={(event) => setPath(event.target.value)} />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Allowed under: {roots.map((root) => <code key={root} className="mr-2">{root}</code>)}
      </p>
      <button type="submit" className={buttonClass} disabled={busy || path.trim() === ''}>
        Read path
      </button>
      <Failure message={error} />
    </form>
  );
}

/**
 * Every log under an S3 prefix, fetched by the server with its own AWS credentials; an
 * S3-compatible server may stand in for AWS when the operator allows its endpoint.
 */
export function S3PrefixForm({ endpoints }: { endpoints: string[] }) {
  const { busy, error, submit } = useSubmit();
  const [uri, setUri] = useState('');
  const [endpoint, setEndpoint] = useState('');
  return (
    <form className="space-y-2" onSubmit={(event) => submit(event, endpoint ? { s3: uri.trim(), endpoint } : { s3: uri.trim() })}>
      <label className="block text-sm font-medium" htmlFor="s3-prefix">
        Read an S3 prefix
      </label>
      <input id="s3-prefix" className={`${inputClass} font-mono`} placeholder="s3://bucket/AWSLogs/123456789012/CloudTrail/" value={uri} onChange={(event) => setUri(event.target.value)} />
      {endpoints.length > 0 && (
        <select aria-label="S3 server" className={inputClass} value={endpoint} onChange={(event) => setEndpoint(event.target.value)}>
          <option value="">AWS</option>
          {endpoints.map((allowed) => (
            <option key={allowed} value={allowed}>
              {allowed}
            </option>
          ))}
        </select>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">Uses the server’s AWS credentials; digest files are skipped.</p>
      <button type="submit" className={buttonClass} disabled={busy || uri.trim() === ''}>
        Read S3 prefix
      </button>
      <Failure message={error} />
    </form>
  );
}
