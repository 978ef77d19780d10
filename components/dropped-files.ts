/** A file with the path it had inside a dropped or picked folder. */
export interface NamedFile {
  file: File;
  name: string;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: NamedFile[]): Promise<void> {
  const name = `${prefix}${entry.name}`;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), name });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a directory in batches; an empty batch means the end.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, `${name}/`, out);
  }
}

/** Every file in a drop, folders walked recursively, each named by its path inside the drop. */
export async function filesFromDrop(transfer: DataTransfer): Promise<NamedFile[]> {
  // Entries must be taken synchronously: the DataTransfer is emptied once the handler yields.
  const items = Array.from(transfer.items).filter((item) => item.kind === 'file');
  const taken = items.map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  const out: NamedFile[] = [];
  for (const { entry, file } of taken) {
    if (entry) await walk(entry, '', out);
    else if (file) out.push({ file, name: file.name });
  }
  return out;
}
