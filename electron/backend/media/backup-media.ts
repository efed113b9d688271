/**
 * Recordings in backups. A backup is a copy of the database; the recordings it lists are files in
 * the media folder, which never change (they are named by their content). So a backup carries its
 * recordings by reference: beside each rotating backup, `<backup>.media` lists the ids its `media`
 * table holds, and the sweep (sweep-media.ts) keeps every file a kept backup lists. Restoring a
 * backup then finds all its recordings; when the backup is rotated away, its list goes with it and
 * the next sweep frees what nothing else uses.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEDIA_ID } from './media-paths';
import { referencedMediaIds } from './media-references';

export const BACKUP_MEDIA_SUFFIX = '.media';

/**
 * Write the list of recordings of the backup at `backupPath` (a file this library just wrote, not a
 * file from outside), read from the backup itself: the recordings an interview or a revision in it
 * names, which a restore would need. (Not every row of its `media` table: a recording nothing uses
 * would then be kept by each new backup in turn, and never freed.)
 */
export function writeBackupMediaList(backupPath: string): void {
  const copy = new Database(backupPath, { readonly: true });
  let ids: string[];
  try {
    const hasTable = copy.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'media'").get() !== undefined;
    ids = hasTable ? [...referencedMediaIds(copy, copy.prepare('SELECT sha256 FROM media').pluck().all() as string[])].sort() : [];
  } finally {
    copy.close();
  }
  const list = backupPath + BACKUP_MEDIA_SUFFIX;
  writeFileSync(list + '.partial', ids.map((id) => `${id}\n`).join(''));
  renameSync(list + '.partial', list);
}

/** Every recording id the lists of the backups in `backupDir` name (backups that are still there). */
export function listBackupMediaIds(dataDir: string, backupDir = join(dataDir, 'backups')): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(backupDir)) return ids;
  for (const name of readdirSync(backupDir)) {
    if (!name.endsWith(BACKUP_MEDIA_SUFFIX) || !existsSync(join(backupDir, name.slice(0, -BACKUP_MEDIA_SUFFIX.length)))) continue;
    for (const line of readFileSync(join(backupDir, name), 'utf8').split('\n')) if (MEDIA_ID.test(line)) ids.add(line);
  }
  return ids;
}

/** Remove the lists whose backup is gone (rotated, or removed by hand). */
export function removeOrphanBackupMediaLists(backupDir: string): void {
  if (!existsSync(backupDir)) return;
  for (const name of readdirSync(backupDir)) {
    if (name.endsWith(BACKUP_MEDIA_SUFFIX) && !existsSync(join(backupDir, name.slice(0, -BACKUP_MEDIA_SUFFIX.length)))) rmSync(join(backupDir, name), { force: true });
  }
}
