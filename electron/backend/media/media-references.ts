/**
 * Whether interviews still need recordings: an id in any stored document (current, trashed) or
 * kept revision. Found by the id's text in the stored JSON rather than by parsing it: a false match
 * (the 64-hex hash typed into an interview) only keeps a file, never loses one, and a damaged row
 * that JSON cannot read still protects what it names. Works on the library and on a backup of it.
 *
 * One pass however many recordings are asked about: SQLite picks the rows that have recordings at
 * all (`instr`, no JSON parsing), and only those come to JavaScript. The sweep and every backup run
 * this, so its cost is one scan of the stored text, not one per recording.
 */
import type { Database } from 'better-sqlite3';
import { storedTextsContaining } from '../document-store';
import { MEDIA_ID } from './media-paths';

/** Which of `ids` a stored interview or revision names. */
export function referencedMediaIds(db: Database, ids: Iterable<string>): Set<string> {
  const looking = new Set([...ids].filter((id) => MEDIA_ID.test(id)));
  const found = new Set<string>();
  if (looking.size === 0) return found;
  for (const body of storedTextsContaining(db, '"recordings"')) {
    for (const id of looking) {
      if (!body.includes(id)) continue;
      found.add(id);
      looking.delete(id);
    }
    if (looking.size === 0) break;
  }
  return found;
}

export function isMediaReferenced(db: Database, id: string): boolean {
  return referencedMediaIds(db, [id]).has(id);
}
