'use client';

import { useRouter } from 'next/navigation';
import { type DragEvent, useRef, useState } from 'react';
import { filesFromDrop, type NamedFile } from './dropped-files';

type UploadState = { phase: 'idle' } | { phase: 'uploading'; percent: number; count: number } | { phase: 'error'; message: string };

/** Sends files to the server with upload progress (fetch cannot report it), resolving to the new dataset's ID. */
function upload(files: NamedFile[], onProgress: (percent: number) => void): Promise<string> {
  const form = new FormData();
  for (const { file, name } of files) form.append('file', file, name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/datasets');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as { id?: string; error?: { message: string } } | null;
      if (request.status === 202 && body?.id) resolve(body.id);
      else reject(new Error(body?.error?.message ?? `upload failed with status ${request.status}`));
    };
    request.onerror = () => reject(new Error('the upload could not reach the server'));
    request.send(form);
  });
}

export function DropZone() {
  const router = useRouter();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  async function send(files: NamedFile[]) {
    if (files.length === 0) return;
    setState({ phase: 'uploading', percent: 0, count: files.length });
    try {
      const id = await upload(files, (percent) => setState({ phase: 'uploading', percent, count: files.length }));
      router.push(`/datasets/${id}`);
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    await send(await filesFromDrop(event.dataTransfer));
  }

  function onPicked(input: HTMLInputElement | null) {
    const picked = Array.from(input?.files ?? []).map((file) => ({ file, name: file.webkitRelativePath || file.name }));
    void send(picked);
  }

  const busy = state.phase === 'uploading';
  return (
    <section
      aria-label="Drop CloudTrail logs here"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={`flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors ${
        dragging
          ? 'border-amber-500 bg-amber-50 dark:bg-amber-950/30'
          : 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900'
      }`}
    >
      <p className="text-base font-medium">Drop CloudTrail files or folders here</p>
      <p className="text-sm text-slate-500 dark:text-slate-400">.json, .json.gz, .jsonl — one file, many, or an AWSLogs/ tree</p>
      <div className="flex gap-2">
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900">
          Choose files
        </button>
        <button type="button" disabled={busy} onClick={() => folderInput.current?.click()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800">
          Choose a folder
        </button>
      </div>
      <input ref={fileInput} type="file" multiple hidden aria-label="Log files" onChange={(event) => onPicked(event.currentTarget)} />
      <input
        ref={folderInput}
        type="file"
        hidden
        aria-label="Log folder"
        onChange={(event) => onPicked(event.currentTarget)}
        {...{ webkitdirectory: '' }}
      />
      {state.phase === 'uploading' && (
        <div className="w-full max-w-md" role="status">
          <progress className="w-full" max={100} value={state.percent} aria-label="Upload progress" />
          <p className="text-sm">
            Uploading {state.count} file{state.count === 1 ? '' : 's'}… {state.percent}%
          </p>
        </div>
      )}
      {state.phase === 'error' && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Upload failed: {state.message}
        </p>
      )}
    </section>
  );
}
