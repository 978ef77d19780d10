import { safeNext } from '@/lib/http/access';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ next?: string; failed?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next, failed } = await searchParams;
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Log in</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">This Trailscope asks for its access token (TRAILSCOPE_TOKEN).</p>
      {failed ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          That token is not the right one.
        </p>
      ) : null}
      <form method="post" action="/api/login" className="space-y-3">
        <input type="hidden" name="next" value={safeNext(next ?? null)} />
        <label className="block text-sm font-medium">
          Access token
          <input
            type="password"
            name="token"
            required
            autoComplete="current-password"
            autoFocus
            className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900">
          Log in
        </button>
      </form>
    </section>
  );
}
