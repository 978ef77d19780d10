'use client';

import { useState } from 'react';

/** Copies `text` to the clipboard, saying so for a moment; where the browser refuses, it says that instead. */
export function CopyButton({ text, label, caption = 'copy', className = '' }: { text: () => string; label: string; caption?: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1500);
  }

  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      title={label}
      className={`rounded px-1 font-sans text-[11px] text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700 dark:hover:text-white ${className}`}
    >
      {state === 'copied' ? 'copied' : state === 'failed' ? 'copy refused' : caption}
    </button>
  );
}
