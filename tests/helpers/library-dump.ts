/**
 * A library's whole content as one string: its schema, then every row of every table (the
 * full-text index's own tables included) in rowid order, BLOBs as hex. Two dumps are equal exactly
 * when the library holds the same thing, so a test can prove that something changed nothing.
 */
import type { Database } from 'better-sqlite3';

export function dumpLibrary(db: Database): string {
  const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as { type: string; name: string; sql: string | null }[];
  const tables = schema.filter((o) => o.type === 'table' && !/^CREATE VIRTUAL/i.test(o.sql ?? '')).map((o) => o.name);
  const rows = tables.map((t) => {
    const withoutRowid = /WITHOUT ROWID\s*$/i.test(schema.find((o) => o.name === t)!.sql ?? '');
    const all = db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"${withoutRowid ? '' : ' ORDER BY rowid'}`).raw().all() as unknown[][];
    return [t, all.map((row) => row.map((v) => (Buffer.isBuffer(v) ? `hex:${v.toString('hex')}` : typeof v === 'bigint' ? `big:${v}` : v)))];
  });
  return JSON.stringify({ schema, rows, user_version: db.pragma('user_version', { simple: true }) });
}
