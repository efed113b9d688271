/**
 * `search`, `history`, `backup` and `verify`, run as a user runs them: the real CLI in a child process;
 * and files from outside, hostile ones included, handed to verify and the library commands.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { readDocumentText, storeDocumentText } from '../../../../electron/backend/document-store';
import { LIBRARY_FILE, openLibrarySession } from '../../../../electron/backend/library-session';
import type { ExchangeSaved, LoadedDocument } from '../../../../shared/api/contract';
import type { Interview } from '../../../../shared/model/schema';
import { dirsPerTest } from '../../../helpers/dirs-per-test';
import { hostileLibraries, hostileReviewFiles, writeHostileCorpus } from '../../../helpers/hostile-files';

// Each test runs the CLI as child processes (node + tsx, ~1 s each): slow on a loaded machine, not stuck.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/interview-desk.js'), ...args], { cwd: ROOT, input: '', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8') };
}

const dir = dirsPerTest('interview-desk-cli-');

/** A library with one interview saved twice (one version named), and its review file. */
async function library(): Promise<{ data: string; id: string; review: Buffer }> {
  const data = dir();
  const session = await openLibrarySession(data, { backups: false });
  try {
    const call = async <T,>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(channel, input, session.ctx);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const { doc } = await call<LoadedDocument>('document.create', { language: 'vi' });
    const next: Interview = {
      ...doc,
      meta: { ...doc.meta, headline: 'Long An: Kết nạp đảng viên' },
      body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Đảng bộ tỉnh có 19 đảng bộ trực thuộc ở Hà Nội.' }] }] }],
    };
    await call('document.save', { id: doc.id, baseRevision: 1, doc: next });
    await call('history.name', { id: doc.id, revision: 2, name: 'Bản đầu' });
    const review = await call<ExchangeSaved>('exchange.save', { id: doc.id });
    return { data, id: doc.id, review: Buffer.from(review.data, 'base64') };
  } finally {
    session.close();
  }
}

describe('search', () => {
  it('finds Vietnamese typed without diacritics; prints id, status, headline, snippet', async () => {
    const { data, id } = await library();
    const run = cli(['search', 'dang vien', '--data-dir', data]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${id}\tdraft\tLong An: Kết nạp đảng viên\t${JSON.parse(cli(['search', 'dang vien', '--json', '--data-dir', data]).stdout)[0].snippet.text}\n`);
    expect(cli(['search', 'khong co', '--data-dir', data]).stdout).toBe('');
  });
});

describe('history', () => {
  it('lists the kept versions, newest first, the current one starred', async () => {
    const { data, id } = await library();
    const run = cli(['history', id, '--data-dir', data]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.slice(0, -1).split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => [l[0], l[2], l[3]])).toEqual([
      ['2*', 'sent', 'Bản đầu'],
      ['1', 'auto', ''],
    ]);
    expect(cli(['history', 'nope', '--data-dir', data])).toMatchObject({ status: 1, stderr: 'interview-desk: No interview with id nope.\n' });
  });
});

describe('backup and verify', () => {
  it('backs a library up into a new file that verifies as a library; refuses to overwrite', async () => {
    const { data } = await library();
    const out = join(dir(), 'copy.sqlite');
    const run = cli(['backup', '--data-dir', data, '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${out}\n`);
    const verified = cli(['verify', out]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^.*copy\.sqlite: Interview Desk library, format \d+\nok\n$/);
    expect(cli(['backup', '--data-dir', data, '-o', out])).toMatchObject({ status: 1, stderr: expect.stringMatching(/already exists/) });
    expect(cli(['backup', '--data-dir', data])).toMatchObject({ status: 2 });
  });

  it('verify names a stored interview that opens repaired (over a limit) without calling it a problem; unreadable content is one', async () => {
    const { data, id } = await library();
    const db = new Database(join(data, LIBRARY_FILE));
    try {
      const stored = JSON.parse(readDocumentText(db, id)!) as Interview;
      // One paragraph of 150,000 letters: more than a paragraph may hold, as an older version could store it.
      const long = { ...stored, body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'chữ '.repeat(37_500) }] }] }] };
      storeDocumentText(db, id, JSON.stringify(long));
    } finally {
      db.close();
    }
    const repaired = cli(['verify', join(data, LIBRARY_FILE)]);
    expect(repaired.status, repaired.stderr).toBe(0);
    expect(repaired.stdout).toContain(`interview ${id}: opens repaired (paragraphSplit)\nok\n`);

    const broken = new Database(join(data, LIBRARY_FILE));
    try {
      storeDocumentText(broken, id, '{"format":"interview-desk/1", "id": "trunc');
    } finally {
      broken.close();
    }
    const unreadable = cli(['verify', join(data, LIBRARY_FILE)]);
    expect(unreadable.status).toBe(1);
    expect(unreadable.stdout).toContain(`interview ${id}: stored content is not JSON`);
  });

  it('verifies a library left by a crash without writing to it: its WAL stays, no lock, no new files', async () => {
    const data = dir();
    const crashed = dir();
    const session = await openLibrarySession(data, { backups: false });
    try {
      const created = await dispatch('document.create', { language: 'vi' }, session.ctx);
      expect(created.ok).toBe(true);
      // The files as a crash leaves them: the new interview only in the write-ahead log.
      for (const name of readdirSync(data).filter((n) => n.startsWith(LIBRARY_FILE))) copyFileSync(join(data, name), join(crashed, name));
    } finally {
      session.close();
    }
    const file = join(crashed, LIBRARY_FILE);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const before = new Map(readdirSync(crashed).map((name) => [name, readFileSync(join(crashed, name))]));
    const verified = cli(['verify', file]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Interview Desk library, format \d+\nok\n$/);
    const after = new Map(readdirSync(crashed).map((name) => [name, readFileSync(join(crashed, name))]));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  });

  it('verifies a review file, and says what is wrong with damaged, foreign and newer files', async () => {
    const { review } = await library();
    const d = dir();
    const good = join(d, 'story.interview');
    writeFileSync(good, review);
    expect(cli(['verify', good])).toMatchObject({ status: 0, stdout: `${good}: Interview Desk review file, format 1\nok\n` });

    const truncated = join(d, 'cut.interview');
    writeFileSync(truncated, review.subarray(0, Math.floor(review.length / 2)));
    const cut = cli(['verify', truncated]);
    expect(cut.status).toBe(1);
    expect(cut.stdout + cut.stderr).toMatch(/integrity|damaged/);

    const text = join(d, 'notes.interview');
    writeFileSync(text, 'not a database');
    expect(cli(['verify', text])).toMatchObject({ status: 1, stderr: expect.stringMatching(/is not an SQLite database/) });

    const other = join(d, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.pragma('application_id = 77');
    db.close();
    expect(cli(['verify', other])).toMatchObject({ status: 1, stdout: expect.stringMatching(/SQLite database of another application \(application id 77\)\nnot an Interview Desk file\n/) });

    const newer = join(d, 'newer.interview');
    writeFileSync(newer, review);
    const n = new Database(newer);
    n.pragma('user_version = 9');
    n.close();
    expect(cli(['verify', newer])).toMatchObject({ status: 1, stdout: expect.stringMatching(/format 9\nwritten by a newer version/) });

    const broken = join(d, 'schema.interview');
    writeFileSync(broken, review);
    const b = new Database(broken);
    b.exec('DROP TABLE comment');
    b.close();
    expect(cli(['verify', broken])).toMatchObject({ status: 1, stdout: expect.stringMatching(/schema: table comment is missing/) });
    expect(readFileSync(good).equals(review)).toBe(true); // verify only reads
  });
});

describe('files from outside, hostile ones included (tests/helpers/hostile-files.ts)', () => {
  /** The CLI on one file: its result, how long it took, and whether the file is as it was. */
  function timed(args: string[], file: string) {
    const before = readFileSync(file);
    const started = performance.now();
    const run = cli(args);
    return { ...run, ms: performance.now() - started, untouched: readFileSync(file).equals(before) };
  }

  it('verify says what is wrong with each hostile review file, quickly, without running it or writing to it', async () => {
    const { review } = await library();
    const d = dir();
    const files = writeHostileCorpus(d, hostileReviewFiles(review, 'someone-else'));
    const expectations: [string, number, RegExp][] = [
      ['endless-view.interview', 1, /Interview Desk review file, format 1\nschema: view manifest is not part of the format\n/],
      ['trigger.interview', 1, /\nschema: trigger grow is not part of the format\n/],
      ['fts5.interview', 1, /\nschema: virtual table notes is not part of the format\n/],
      ['generated-column.interview', 1, /\nschema: table comment is defined differently/],
      ['huge-cell.interview', 1, /\ncontent: a value in manifest\.value is 8388608 bytes \(at most 1024\)\n/],
      ['claims-200mb.interview', 1, /\nintegrity: /],
      ['wal.interview', 0, /Interview Desk review file, format 1\nok\n$/],
    ];
    for (const [name, status, stdout] of expectations) {
      const run = timed(['verify', files.get(name)!], files.get(name)!);
      expect(run.status, `${name}: ${run.stderr}`).toBe(status);
      expect(run.stdout, name).toMatch(stdout);
      expect(run.untouched, name).toBe(true);
      expect(run.ms, name).toBeLessThan(15_000); // a Node start with tsx, then well under a second
    }
    expect(readdirSync(d).sort()).toEqual([...files.keys()].sort()); // no -wal, -shm or journal left beside them
  });

  it('verify and the library commands refuse a library that is not exactly as Interview Desk writes one', async () => {
    const { data } = await library();
    const hostile = hostileLibraries(readFileSync(join(data, LIBRARY_FILE)));
    const d = dir();
    const files = writeHostileCorpus(d, hostile);
    for (const h of hostile) {
      const run = timed(['verify', files.get(h.name)!], files.get(h.name)!);
      expect(run.status, h.name).toBe(1);
      expect(run.stdout, h.name).toMatch(/Interview Desk library, format \d+\nschema: /);
      expect(run.stdout, h.name).toMatch('refused' in h.expected ? h.expected.because : /./);
      expect(run.untouched, h.name).toBe(true);
    }
    // The same library as a --data-dir: refused before it is opened for work, and left as it was.
    const folder = dir();
    writeFileSync(join(folder, LIBRARY_FILE), hostile[0]!.bytes);
    const list = timed(['list', '--data-dir', folder], join(folder, LIBRARY_FILE));
    expect(list).toMatchObject({ status: 1, stdout: '', untouched: true });
    expect(list.stderr).toMatch(/^interview-desk: “.*library\.sqlite” was not opened: it is not laid out as Interview Desk writes a library \(view setting is not part of the format/);
    expect(readdirSync(folder)).toEqual([LIBRARY_FILE]); // no lock, no backup, nothing beside it
  });
});
