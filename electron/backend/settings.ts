/**
 * Library-wide settings: one JSON value per key in the `setting` table. Each reader checks the
 * value it gets back with its own schema, since the table holds whatever an older version or a
 * damaged file left there.
 */
import type { Database } from 'better-sqlite3';

/** The stored value, parsed; null when the key is unset or its value is not JSON. */
export function readSetting(db: Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return null;
  }
}

export function writeSetting(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
