/**
 * The code that examines a foreign SQLite file, run in a worker thread by examine-in-worker.ts.
 *
 * Why a string of plain JavaScript: the worker must start the same way under vitest, under tsx
 * (the CLI, browser mode) and inside the esbuild bundle of the desktop shell, and none of those
 * can hand a TypeScript file to a worker. So the worker is self-contained: CommonJS, needing
 * nothing but better-sqlite3 (its path comes in `workerData.sqlite`) and the job (`WorkerJob`,
 * types.ts). It decides nothing about messages or documents; it reports what it found.
 *
 * Order is the point (docs/ARCHITECTURE.md, "Foreign files"):
 * 1. open read-only, `trusted_schema` off, `query_only` on: a view or trigger is data, not code;
 * 2. read the header and `sqlite_schema` (which runs nothing the file defines) and compare the
 *    schema EXACTLY with the one this app writes for that kind and version: a view named like a
 *    table we read, a trigger, a virtual table, another table, column or index is refused here,
 *    before any query could run it;
 * 3. only then the integrity check (which, since SQLite 3.44, also checks virtual tables: it
 *    must never meet a foreign one);
 * 4. then each table we read: types and sizes first, from the record headers (`typeof` and
 *    `octet_length` do not load the value), so a huge value is refused before it is loaded;
 *    then the values, sent in chunks.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const job = workerData.job;
const CHUNK_BYTES = 8 * 1024 * 1024;
let found = null;

class Refusal extends Error {
  constructor(reason, findings) {
    super(reason);
    this.reason = reason;
    this.findings = findings;
  }
}

const quote = (name) => '"' + String(name).replace(/"/g, '""') + '"';

// SQL text with comments dropped and whitespace reduced, so a definition compares equal to ours
// whatever comments or indentation the version that wrote it had (they changed over time).
// Quoted strings and identifiers are kept exactly.
function normalizeSql(sql) {
  if (sql === null || sql === undefined) return null;
  const tight = '(),;';
  let out = '';
  let space = false;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      space = true;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      space = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      space = true;
      i++;
      continue;
    }
    if (space && out.length > 0 && !tight.includes(out[out.length - 1]) && !tight.includes(c)) out += ' ';
    space = false;
    if (c === "'" || c === '"' || c === '\x60' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === close) {
          if (close !== ']' && sql[j + 1] === close) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function what(o) {
  if (o.type === 'table' && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(o.sql || '')) return 'virtual table';
  return o.type;
}

function columnsOf(db, table) {
  return db.pragma('table_xinfo(' + quote(table) + ')').map((c) => c.name);
}

function schemaFindings(db, actual, expected) {
  // What the file adds comes first (a view, a trigger: the telling part), then what it changes,
  // then what it lacks.
  const findings = [];
  const missing = [];
  const key = (o) => o.type + '\u0000' + o.name;
  const want = new Map(expected.map((o) => [key(o), o]));
  const have = new Map(actual.map((o) => [key(o), o]));
  for (const [k, o] of want) if (!have.has(k)) missing.push(o.type + ' ' + o.name + ' is missing');
  for (const [k, o] of [...have].sort((a, b) => Number(b[1].type !== 'table') - Number(a[1].type !== 'table'))) {
    const w = want.get(k);
    if (!w) {
      findings.push(what(o) + ' ' + o.name + ' is not part of the format');
      continue;
    }
    if (o.tblName === w.tblName && normalizeSql(o.sql) === normalizeSql(w.sql)) continue;
    // Only a plain table of ours is looked into further (its column list is schema, not data).
    if (what(o) === 'table' && what(w) === 'table' && Array.isArray(w.columns)) {
      const cols = columnsOf(db, o.name);
      const before = findings.length;
      for (const c of w.columns) if (!cols.includes(c)) findings.push('column ' + o.name + '.' + c + ' is missing');
      for (const c of cols) if (!w.columns.includes(c)) findings.push('column ' + o.name + '.' + c + ' is not part of the format');
      if (findings.length > before) continue;
    }
    findings.push(what(o) + ' ' + o.name + ' is defined differently (types, constraints or what it computes)');
  }
  return findings.concat(missing);
}

function header(db) {
  return { applicationId: db.pragma('application_id', { simple: true }), version: db.pragma('user_version', { simple: true }) };
}

function plain(value) {
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  return value;
}

function read(db, spec, budget) {
  // The schema was already compared exactly: a table this version of the format lacks is simply not there.
  if (spec.sinceVersion && db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(spec.table) === undefined) return;
  if (spec.ifColumn && db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(spec.table, spec.ifColumn) === undefined) return;
  const table = quote(spec.table);
  const rows = db.prepare('SELECT count(*) FROM ' + table).pluck().get();
  if (rows > spec.maxRows) throw new Refusal('too_large', ['table ' + spec.table + ' has ' + rows + ' rows (at most ' + spec.maxRows + ' are read)']);
  const probe = db
    .prepare('SELECT ' + spec.columns.map((c) => 'typeof(' + quote(c.name) + '), octet_length(' + quote(c.name) + ')').join(', ') + ' FROM ' + table)
    .raw();
  for (const row of probe.iterate()) {
    spec.columns.forEach((c, i) => {
      const type = row[2 * i];
      const bytes = row[2 * i + 1] || 0;
      if (type !== c.type && !(type === 'null' && c.nullable)) {
        throw new Refusal('wrong_type', [spec.table + '.' + c.name + ' holds a value of type ' + type + ' where only ' + c.type + ' belongs']);
      }
      if (bytes > c.maxBytes) throw new Refusal('too_large', ['a value in ' + spec.table + '.' + c.name + ' is ' + bytes + ' bytes (at most ' + c.maxBytes + ')']);
      budget.bytes += bytes;
    });
    if (budget.bytes > job.maxTotalBytes) throw new Refusal('too_large', ['it holds more than ' + job.maxTotalBytes + ' bytes to read']);
  }
  const select = db.prepare('SELECT ' + spec.columns.map((c) => quote(c.name)).join(', ') + ' FROM ' + table).raw().safeIntegers(true);
  let chunk = [];
  let size = 0;
  for (const row of select.iterate()) {
    const values = row.map(plain);
    chunk.push(values);
    for (const v of values) size += typeof v === 'string' ? v.length * 2 : v && typeof v === 'object' ? v.length : 8;
    if (size >= CHUNK_BYTES) {
      parentPort.postMessage({ type: 'rows', kind: found.kind, table: spec.table, rows: chunk });
      chunk = [];
      size = 0;
    }
  }
  parentPort.postMessage({ type: 'rows', kind: found.kind, table: spec.table, rows: chunk });
}

function examine() {
  let db;
  try {
    db = new Database(job.path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new Refusal('unreadable', [err.message]);
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    db.pragma('cell_size_check = ON');
    db.pragma('mmap_size = 0');
    db.pragma('cache_size = -16384');
    let h;
    try {
      h = header(db);
    } catch (err) {
      throw new Refusal('unreadable', [err.message]);
    }
    const format = job.formats.find((f) => f.applicationId === h.applicationId);
    found = { applicationId: h.applicationId, version: h.version, kind: format ? format.kind : null };
    if (!format) throw new Refusal('foreign', []);
    if (h.version > format.newest) throw new Refusal('newer', []);
    const expected = format.versions.find((v) => v.version === h.version);
    if (!expected) throw new Refusal('unversioned', []);

    let actual;
    try {
      actual = db
        .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema')
        .raw()
        .all()
        .map((r) => ({ type: r[0], name: r[1], tblName: r[2], sql: r[3] }));
    } catch (err) {
      throw new Refusal('unreadable', [err.message]);
    }
    const findings = schemaFindings(db, actual, expected.schema);
    if (findings.length > 0) throw new Refusal('schema', findings);

    if (job.integrity !== 'none') {
      const pragma = job.integrity === 'full' ? 'integrity_check(50)' : 'quick_check(50)';
      let problems;
      try {
        problems = db.pragma(pragma).map((r) => String(Object.values(r)[0]));
      } catch (err) {
        problems = [err.message];
      }
      if (!(problems.length === 1 && problems[0] === 'ok')) throw new Refusal('integrity', problems);
    }

    const budget = { bytes: 0 };
    for (const spec of format.reads) read(db, spec, budget);
  } finally {
    db.close();
  }
}

try {
  examine();
  parentPort.postMessage({ type: 'done', found });
} catch (err) {
  if (err instanceof Refusal) parentPort.postMessage({ type: 'refused', reason: err.reason, findings: err.findings, found });
  else parentPort.postMessage({ type: 'failed', code: typeof err.code === 'string' ? err.code : null, message: String(err && err.message), found });
}
`;
