/**
 * A corpus of hostile and odd files, made from genuine ones, for the foreign-file opener
 * (electron/backend/foreign-db/): each entry is a file as someone could send it, with what must
 * happen when it is opened — refused with a code, or opened safely. Review files are derived from
 * a genuine `.interview` the caller saved; libraries from a genuine closed library file.
 *
 * `writeHostileCorpus(dir, …)` also writes them into a folder, so the CLI can be pointed at them
 * (and a person can look at them: `sqlite3 <file> .schema`).
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { solidPng } from './images';
import { tempDir } from './temp-library';

export type Expected =
  /** Refused with this error code; the library must be unchanged. */
  | { refused: 'invalid_file' | 'unsafe_file'; because: RegExp }
  /** Opened, as a new interview, without trusting what the file says about revisions or ids. */
  | { opened: 'created' | 'copied' };

export interface HostileFile {
  name: string;
  /** What the file is, for the test's title. */
  what: string;
  bytes: Buffer;
  expected: Expected;
}

/** The file after `change` ran on it through SQLite, in a scratch folder. */
export function alteredFile(good: Buffer, change: (db: Database.Database) => void): Buffer {
  const t = tempDir('interview-desk-hostile-');
  try {
    const path = join(t.dir, 'f.sqlite');
    writeFileSync(path, good);
    const db = new Database(path);
    try {
      change(db);
    } finally {
      db.close();
    }
    return readFileSync(path);
  } finally {
    t.cleanup();
  }
}

/** SQLite's variable-length integer (https://sqlite.org/fileformat2.html#varint), for values below 2^56. */
function varint(value: number): Buffer {
  const groups: number[] = [];
  let v = value;
  do {
    groups.unshift(v % 128);
    v = Math.floor(v / 128);
  } while (v > 0);
  return Buffer.from(groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
}

/**
 * A review file with one manifest row whose cell claims a payload of `claimedBytes` (200 MB) while
 * the file holds about 2 MB: the cell's payload-size varint is rewritten in place, nothing else.
 * (2 MB so the true size needs the same four varint bytes as the claim.)
 */
function claimingHugeRow(good: Buffer, claimedBytes: number): Buffer {
  const value = 2_100_000;
  const bytes = alteredFile(good, (db) => db.prepare("INSERT INTO manifest (key, value) VALUES ('bigrow', ?)").run('x'.repeat(value)));
  // The record: header size, serial types (text of n bytes is 2n+13), then the key's text.
  const serial = varint(value * 2 + 13);
  const header = Buffer.concat([Buffer.from([2 + serial.length, 6 * 2 + 13]), serial, Buffer.from('bigrow', 'latin1')]);
  const at = bytes.indexOf(header);
  const payload = varint(2 + serial.length + 6 + value);
  const claim = varint(claimedBytes);
  if (at < 0 || payload.length !== 4 || claim.length !== 4) throw new Error('hostile-files: the manifest cell is not where it was expected');
  const start = at - 1 - payload.length; // before the one-byte rowid
  if (!bytes.subarray(start, start + 4).equals(payload)) throw new Error('hostile-files: the payload size is not where it was expected');
  claim.copy(bytes, start);
  return bytes;
}

const ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT 'k' || i AS key, printf('%.*c', 1000, 'v') AS value FROM n";

/**
 * The review-file corpus. `good` is a genuine review file; `existingId` the id of an interview
 * the receiving library already has (another interview than the file's).
 */
export function hostileReviewFiles(good: Buffer, existingId: string): HostileFile[] {
  const unsafe = (because: RegExp): Expected => ({ refused: 'unsafe_file', because });
  const invalid = (because: RegExp): Expected => ({ refused: 'invalid_file', because });
  return [
    {
      name: 'endless-view.interview',
      what: 'a view named manifest over an endless recursive CTE',
      bytes: alteredFile(good, (db) => db.exec(`DROP TABLE manifest; CREATE VIEW manifest AS ${ENDLESS}`)),
      expected: unsafe(/view manifest is not part of the format/),
    },
    {
      name: 'endless-view-extra.interview',
      what: 'every table intact plus a view over an endless recursive CTE',
      bytes: alteredFile(good, (db) => db.exec(`CREATE VIEW everything AS ${ENDLESS}`)),
      expected: unsafe(/view everything is not part of the format/),
    },
    {
      name: 'trigger.interview',
      what: 'a trigger',
      bytes: alteredFile(good, (db) => db.exec(`CREATE TRIGGER grow AFTER INSERT ON comment BEGIN INSERT INTO comment SELECT id || 'x', created_at, data FROM comment; END`)),
      expected: unsafe(/trigger grow is not part of the format/),
    },
    {
      name: 'fts5.interview',
      what: 'a virtual table (fts5)',
      bytes: alteredFile(good, (db) => db.exec(`CREATE VIRTUAL TABLE notes USING fts5(text); INSERT INTO notes VALUES ('ghi chú')`)),
      expected: unsafe(/virtual table notes is not part of the format/),
    },
    {
      name: 'extra-column.interview',
      what: 'an extra column',
      bytes: alteredFile(good, (db) => db.exec(`ALTER TABLE document ADD COLUMN payload TEXT`)),
      expected: unsafe(/column document\.payload is not part of the format/),
    },
    {
      name: 'missing-column.interview',
      what: 'a missing column',
      bytes: alteredFile(good, (db) => db.exec(`ALTER TABLE comment DROP COLUMN data`)),
      expected: unsafe(/column comment\.data is missing/),
    },
    {
      name: 'generated-column.interview',
      what: 'a column computed on every read (a generated column, same name)',
      bytes: alteredFile(good, (db) =>
        db.exec(`DROP TABLE comment; CREATE TABLE comment (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, data TEXT GENERATED ALWAYS AS (printf('%.*c', 100000000, 'x')) VIRTUAL) STRICT`),
      ),
      expected: unsafe(/table comment is defined differently/),
    },
    {
      name: 'extra-index.interview',
      what: 'an index we never make',
      bytes: alteredFile(good, (db) => db.exec(`CREATE INDEX revision_kind ON revision(kind)`)),
      expected: unsafe(/index revision_kind is not part of the format/),
    },
    {
      name: 'many-rows.interview',
      what: '100,000 manifest rows',
      bytes: alteredFile(good, (db) => db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) INSERT INTO manifest SELECT 'k' || i, 'v' FROM n`)),
      expected: unsafe(/table manifest has 100\d{3} rows/),
    },
    {
      name: 'huge-cell.interview',
      what: 'a huge text cell (8 MB in a manifest value)',
      bytes: alteredFile(good, (db) => db.prepare(`INSERT INTO manifest VALUES ('huge', ?)`).run('đ'.repeat(4 * 1024 * 1024))),
      expected: unsafe(/a value in manifest\.value is 8388608 bytes/),
    },
    {
      name: 'claims-200mb.interview',
      what: 'a row whose cell claims 200 MB in a 2 MB file',
      bytes: claimingHugeRow(good, 200_000_000),
      expected: invalid(/damaged or incomplete/),
    },
    { name: 'photo.interview', what: 'a file that is not SQLite (a PNG)', bytes: solidPng(16, 16), expected: invalid(/not a database at all/) },
    { name: 'truncated.interview', what: 'a truncated file', bytes: good.subarray(0, Math.floor(good.length / 2)), expected: invalid(/damaged or incomplete/) },
    { name: 'header-only.interview', what: 'a file cut inside its first page', bytes: good.subarray(0, 100), expected: invalid(/damaged or incomplete \(it is shorter than one database page\)/) },
    { name: 'zero.interview', what: 'a zero-byte file', bytes: Buffer.alloc(0), expected: invalid(/is empty/) },
    {
      name: 'wal.interview',
      what: 'a WAL-mode file',
      bytes: alteredFile(good, (db) => db.pragma('journal_mode = WAL')),
      expected: { opened: 'created' },
    },
    {
      name: 'revision-minus-10.interview',
      what: 'a document at revision −10 with negative history numbers',
      bytes: alteredFile(good, (db) => db.exec(`UPDATE document SET revision = -10; UPDATE revision SET revision = revision - 100`)),
      expected: { opened: 'created' },
    },
    {
      name: 'revision-2-53.interview',
      what: 'a document at revision 2^53, history up to 2^63 − 1',
      bytes: alteredFile(good, (db) => db.exec(`UPDATE document SET revision = 9007199254740992; UPDATE revision SET revision = 9223372036854775807 WHERE revision = (SELECT max(revision) FROM revision)`)),
      expected: { opened: 'created' },
    },
    {
      name: 'id-collision.interview',
      what: 'an interview carrying the id of another interview in the library',
      bytes: alteredFile(good, (db) => {
        db.prepare(`UPDATE document SET id = ?, body = json_set(body, '$.id', ?)`).run(existingId, existingId);
        db.prepare(`UPDATE manifest SET value = ? WHERE key = 'document_id'`).run(existingId);
      }),
      expected: { opened: 'copied' },
    },
  ];
}

/** Libraries that are not as Interview Desk writes them, from a genuine closed library file. */
export function hostileLibraries(good: Buffer): HostileFile[] {
  return [
    {
      name: 'library-view.sqlite',
      what: 'a library whose setting table is a view over an endless recursive CTE',
      bytes: alteredFile(good, (db) => db.exec(`DROP TABLE setting; CREATE VIEW setting AS ${ENDLESS}`)),
      expected: { refused: 'unsafe_file', because: /view setting is not part of the format/ },
    },
    {
      name: 'library-trigger.sqlite',
      what: 'a library with a trigger of its own on document',
      bytes: alteredFile(good, (db) => db.exec(`CREATE TRIGGER wipe AFTER UPDATE ON document BEGIN DELETE FROM revision; END`)),
      expected: { refused: 'unsafe_file', because: /trigger wipe is not part of the format/ },
    },
    {
      name: 'library-fts-changed.sqlite',
      what: 'a library whose full-text trigger was redefined',
      bytes: alteredFile(good, (db) =>
        db.exec(`DROP TRIGGER document_fts_insert; CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN DELETE FROM revision; END`),
      ),
      expected: { refused: 'unsafe_file', because: /trigger document_fts_insert is defined differently/ },
    },
  ];
}

/** Write a corpus into `dir`, one file each, and return their paths by name. */
export function writeHostileCorpus(dir: string, files: HostileFile[]): Map<string, string> {
  return new Map(
    files.map((f) => {
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes);
      return [f.name, path];
    }),
  );
}
