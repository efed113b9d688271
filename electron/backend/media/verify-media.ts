/**
 * `verify` of the recordings a library lists: each file is there, has the size the `media` table
 * says, and still hashes to its name. Files are read as streams, one at a time.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { mediaFilePath } from './media-paths';

export interface ListedMedia {
  id: string;
  bytes: number;
}

/** One problem a line, naming the recording; empty when every file is sound. */
export async function verifyMediaFiles(dataDir: string, listed: readonly ListedMedia[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { id, bytes } of listed) {
    const path = mediaFilePath(dataDir, id);
    if (!path) {
      problems.push(`recording ${id.slice(0, 80)}: not a valid recording id`);
      continue;
    }
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      problems.push(`recording ${id}: missing (media/${id.slice(0, 2)}/${id})`);
      continue;
    }
    if (size !== bytes) {
      problems.push(`recording ${id}: ${size} bytes on disk, ${bytes} listed (damaged or cut short)`);
      continue;
    }
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== id) problems.push(`recording ${id}: damaged (its content no longer matches its hash)`);
  }
  return problems;
}
