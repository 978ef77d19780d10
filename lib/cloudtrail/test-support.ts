import { type ReadItem, type ReadLimits, readLog } from './read-log';

/** Reads text or bytes (optionally in pieces of `chunkSize`) and collects everything the reader yields. */
export async function readAll(
  input: string | Uint8Array,
  options: { file?: string; chunkSize?: number; limits?: ReadLimits } = {},
): Promise<ReadItem[]> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const size = options.chunkSize ?? 64 * 1024;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const items: ReadItem[] = [];
  for await (const batch of readLog(options.file ?? 'input.json', chunks(), options.limits)) items.push(...batch);
  return items;
}

export function eventsOf(items: ReadItem[]) {
  return items.flatMap((item) => (item.type === 'event' ? [item.event] : []));
}
