/** Runs once when the server starts: prepares the sample dataset and ingests paths given to `npm start`. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUp } = await import('./lib/start-up');
  await startUp();
}
