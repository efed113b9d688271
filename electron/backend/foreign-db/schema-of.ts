/**
 * The exact schema a kind of file has, taken from the code that makes real files: the given DDL
 * (migrations, the exchange file's tables) is run on an empty in-memory database and its
 * `sqlite_schema` read back. So the expected schema can never drift from what the app writes.
 */
import Database from 'better-sqlite3';
import type { SchemaObject } from './types';

export function schemaOf(build: (db: Database.Database) => void): SchemaObject[] {
  const db = new Database(':memory:');
  try {
    build(db);
    const rows = db.prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaObject[];
    return rows.map((o) =>
      o.type === 'table' && !/^\s*CREATE\s+VIRTUAL/i.test(o.sql ?? '')
        ? { ...o, columns: (db.pragma(`table_xinfo("${o.name.replace(/"/g, '""')}")`) as { name: string }[]).map((c) => c.name) }
        : o,
    );
  } finally {
    db.close();
  }
}
