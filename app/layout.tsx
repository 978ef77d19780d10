import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Trailscope',
  description: 'Browse AWS CloudTrail logs: drop files, filter events, share every view by URL.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <nav className="mx-auto flex max-w-screen-2xl items-center gap-3 px-6 py-3" aria-label="Main">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              <span aria-hidden="true" className="mr-1 text-amber-500">◆</span>Trailscope
            </Link>
            <span className="text-sm text-slate-500 dark:text-slate-400">CloudTrail log browser</span>
          </nav>
        </header>
        <main className="mx-auto max-w-screen-2xl px-6 py-6">{children}</main>
      </body>
    </html>
  );
}
