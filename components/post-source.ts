/** Asks the server to read a JSON-described source into a new dataset; resolves to its ID or throws the server's message. */
export async function postSource(body: Record<string, string>): Promise<string> {
  const response = await fetch('/api/datasets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
  if (response.status !== 202 || !answer?.id) throw new Error(answer?.error?.message ?? `the server answered ${response.status}`);
  return answer.id;
}
