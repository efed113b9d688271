/**
 * Where a recording's bytes live: `<data dir>/media/<first 2 hex>/<sha-256>`. The path is made from
 * a checked id only, never from anything else a request says, so no request can name another file.
 */
import { join } from 'node:path';

export const MEDIA_DIR = 'media';
export const MEDIA_ID = /^[0-9a-f]{64}$/;

export function mediaRoot(dataDir: string): string {
  return join(dataDir, MEDIA_DIR);
}

/** The file of recording `id`, or null for anything that is not a sha-256 hex digest. */
export function mediaFilePath(dataDir: string, id: string): string | null {
  return MEDIA_ID.test(id) ? join(dataDir, MEDIA_DIR, id.slice(0, 2), id) : null;
}
