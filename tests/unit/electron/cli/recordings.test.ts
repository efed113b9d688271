/**
 * `attach`, `recordings` and what `verify` says of a library's recordings, run as a user runs them:
 * the real CLI in a child process.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { LIBRARY_FILE, openLibrarySession } from '../../../../electron/backend/library-session';
import type { HistoryEntry, LoadedDocument } from '../../../../shared/api/contract';
import { tempDir } from '../../../helpers/temp-library';
import { sineWav } from '../../../helpers/wav';

vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
function cli(args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/interview-desk.js'), ...args], { cwd: ROOT, input: '' });
  return { status: run.status, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8') };
}

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function library(): Promise<{ data: string; id: string }> {
  const t = tempDir('interview-desk-cli-');
  cleanups.push(t.cleanup);
  const session = await openLibrarySession(t.dir, { backups: false });
  try {
    const r = await dispatch('document.create', { language: 'vi' }, session.ctx);
    if (!r.ok) throw new Error(r.error.message);
    return { data: t.dir, id: (r.value as LoadedDocument).doc.id };
  } finally {
    session.close();
  }
}

async function loaded(data: string, id: string): Promise<{ doc: LoadedDocument; versions: HistoryEntry[] }> {
  const session = await openLibrarySession(data, { backups: false });
  try {
    const doc = await dispatch('document.load', { id }, session.ctx);
    const history = await dispatch('history.list', { id }, session.ctx);
    if (!doc.ok || !history.ok) throw new Error('not loaded');
    return { doc: doc.value as LoadedDocument, versions: (history.value as { versions: HistoryEntry[] }).versions };
  } finally {
    session.close();
  }
}

describe('attach and recordings', () => {
  it('attaches a WAV to an interview as a new version, lists it, and attaches the same file only once', async () => {
    const { data, id } = await library();
    const wav = sineWav({ seconds: 3 });
    const hash = createHash('sha256').update(wav).digest('hex');
    const file = join(data, 'Phỏng vấn ông Hải.wav');
    writeFileSync(file, wav);

    const attached = cli(['attach', id, file, '--data-dir', data]);
    expect(attached).toMatchObject({ status: 0, stderr: '' });
    expect(attached.stdout).toBe(`${hash}\taudio/wav\t0.0 MB\t0:03\tPhỏng vấn ông Hải.wav\n`);

    const { doc, versions } = await loaded(data, id);
    expect(doc.doc.recordings).toEqual([{ id: hash, name: 'Phỏng vấn ông Hải.wav', mime: 'audio/wav', bytes: wav.length, durationMs: 3000 }]);
    expect(doc.revision).toBe(2);
    expect(versions.map((v) => v.revision)).toEqual([2, 1]);

    expect(cli(['recordings', id, '--data-dir', data]).stdout).toBe(`${hash}\taudio/wav\t0.0 MB\t0:03\tPhỏng vấn ông Hải.wav\n`);
    const again = cli(['attach', id, file, '--data-dir', data]);
    expect(again.stdout).toContain('(already attached)');
    expect((await loaded(data, id)).doc.revision).toBe(2);
  });

  it('refuses a file that is not a recording, changing nothing', async () => {
    const { data, id } = await library();
    const file = join(data, 'ghi-chép.mp3');
    writeFileSync(file, 'Đây là ghi chép, không phải bản ghi âm.\n'.repeat(100));
    const refused = cli(['attach', id, file, '--data-dir', data]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^interview-desk: The file is not a recording this app can play/);
    expect((await loaded(data, id)).doc.doc.recordings).toBeUndefined();
    expect(cli(['recordings', id, '--data-dir', data]).stdout).toBe('');
  });

  it('verify checks each recording’s file: ok when sound, missing and damaged ones named', async () => {
    const { data, id } = await library();
    const first = sineWav({ seconds: 1, frequency: 300 });
    const second = sineWav({ seconds: 1, frequency: 500 });
    const ids = [first, second].map((b) => createHash('sha256').update(b).digest('hex'));
    writeFileSync(join(data, 'a.wav'), first);
    writeFileSync(join(data, 'b.wav'), second);
    expect(cli(['attach', id, join(data, 'a.wav'), '--data-dir', data]).status).toBe(0);
    expect(cli(['attach', id, join(data, 'b.wav'), '--data-dir', data]).status).toBe(0);

    const libraryFile = join(data, LIBRARY_FILE);
    const sound = cli(['verify', libraryFile]);
    expect(sound.status).toBe(0);
    expect(sound.stdout).toContain(`2 recordings in ${join(data, 'media')}\nok\n`);

    rmSync(join(data, 'media', ids[0]!.slice(0, 2), ids[0]!));
    const flipped = Buffer.from(second);
    flipped[1000] = flipped[1000]! ^ 0xff;
    writeFileSync(join(data, 'media', ids[1]!.slice(0, 2), ids[1]!), flipped);
    const damaged = cli(['verify', libraryFile]);
    expect(damaged.status).toBe(1);
    expect(damaged.stdout).toContain(`recording ${ids[0]}: missing (media/${ids[0]!.slice(0, 2)}/${ids[0]})\n`);
    expect(damaged.stdout).toContain(`recording ${ids[1]}: damaged (its content no longer matches its hash)\n`);
  });

  it('verify reads a library from before recordings (format 8, no media table) as before', () => {
    const t = tempDir('interview-desk-cli-');
    cleanups.push(t.cleanup);
    const file = join(t.dir, LIBRARY_FILE);
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../fixtures/library-v8.sql', import.meta.url), 'utf8'));
    fixture.close();
    const verified = cli(['verify', file]);
    expect(verified.stdout).toContain('Interview Desk library, format 8\n');
    expect(verified.stdout).not.toContain('recording');
  });
});
