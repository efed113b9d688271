/**
 * Review files with and without their recordings: carried ones arrive stored and checked; left-out
 * ones stay listed, and the receiver's own copy of the file is that recording (same hash).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../../electron/backend/context';
import { dispatch } from '../../../../../electron/backend/dispatch';
import { writeExchangeFile } from '../../../../../electron/backend/exchange-file';
import { MAX_INCLUDED_RECORDING_BYTES } from '../../../../../electron/backend/media/exchange-recordings';
import { mediaFilePath } from '../../../../../electron/backend/media/media-paths';
import { findMedia, registerMedia } from '../../../../../electron/backend/media/media-table';
import { storeMedia } from '../../../../../electron/backend/media/store-media';
import type { ExchangeSaved, LoadedDocument } from '../../../../../shared/api/contract';
import type { Recording } from '../../../../../shared/model/schema';
import { tempLibrary } from '../../../../helpers/temp-library';
import { sineWav, streamedWav } from '../../../../helpers/wav';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function library() {
  const lib = await tempLibrary();
  cleanups.push(lib.close);
  const ctx: HandlerContext = { ...lib.ctx, library: { dataDir: lib.dir, damage: null, restore: () => Promise.resolve() } };
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(channel, input, ctx);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as T;
  };
  return { ctx, dir: lib.dir, call };
}

/** An interview in `from` listing `recording` (stored there), saved for review as `choice` says. */
async function sentWith(from: Awaited<ReturnType<typeof library>>, source: AsyncIterable<Uint8Array>, name: string, choice?: 'auto' | 'include' | 'omit') {
  const recording = registerMedia(from.ctx.db, await storeMedia(from.dir, source), name, from.ctx.now());
  const created = await from.call<LoadedDocument>('document.create', { language: 'vi' });
  await from.call('document.save', { id: created.doc.id, baseRevision: created.revision, doc: { ...created.doc, recordings: [recording] } });
  const saved = await from.call<ExchangeSaved>('exchange.save', { id: created.doc.id, ...(choice ? { recordings: choice } : {}) });
  return { id: created.doc.id, recording, saved };
}

function formatOf(saved: ExchangeSaved, dir: string): number {
  const path = join(dir, 'look.interview');
  writeFileSync(path, Buffer.from(saved.data, 'base64'));
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('review files and recordings', () => {
  it('carries a recording that fits (format 2): the receiver has its bytes, checked, and the interview lists it', async () => {
    const reporter = await library();
    const editor = await library();
    const wav = sineWav({ seconds: 2 });
    const { id, recording, saved } = await sentWith(reporter, once(wav), 'Phỏng vấn ông Hải.wav');
    expect(formatOf(saved, reporter.dir)).toBe(2);

    await editor.call('exchange.open', { fileName: saved.fileName, data: saved.data });
    const opened = await editor.call<LoadedDocument>('document.load', { id });
    expect(opened.doc.recordings).toEqual([recording]);
    expect(findMedia(editor.ctx.db, recording.id)).toMatchObject({ bytes: wav.length, mime: 'audio/wav', name: 'Phỏng vấn ông Hải.wav' });
    expect(Buffer.compare(readFileSync(mediaFilePath(editor.dir, recording.id)!), wav)).toBe(0);
  });

  it('leaves a recording out when asked (format 1, readable by older versions): listed but not held, until the receiver attaches their copy', async () => {
    const reporter = await library();
    const editor = await library();
    const wav = sineWav({ seconds: 1, frequency: 600 });
    const { id, recording, saved } = await sentWith(reporter, once(wav), 'ghi âm.wav', 'omit');
    expect(formatOf(saved, reporter.dir)).toBe(1);

    await editor.call('exchange.open', { fileName: saved.fileName, data: saved.data });
    expect((await editor.call<LoadedDocument>('document.load', { id })).doc.recordings).toEqual([recording]);
    expect(findMedia(editor.ctx.db, recording.id)).toBeNull(); // "recording not included"

    // The editor's own copy of the file: stored, it has the listed id, so it is that recording.
    const theirs = registerMedia(editor.ctx.db, await storeMedia(editor.dir, once(Buffer.from(wav))), 'bản của tôi.wav', editor.ctx.now());
    expect(theirs.id).toBe(recording.id);
    expect(findMedia(editor.ctx.db, recording.id)).not.toBeNull();
  });

  it('by default leaves out recordings too large for a review file, and says why when told to include them', async () => {
    const reporter = await library();
    const seconds = Math.ceil(MAX_INCLUDED_RECORDING_BYTES / 16_000) + 1; // 8 kHz 16-bit mono
    const { id, saved } = await sentWith(reporter, streamedWav(seconds), 'dài.wav');
    expect(formatOf(saved, reporter.dir)).toBe(1);
    expect(saved.byteLength).toBeLessThan(1_000_000);
    await expect(reporter.call('exchange.save', { id, recordings: 'include' })).rejects.toMatchObject({ code: 'write_failed', message: expect.stringContaining('a review file can carry at most 32.0 MB') });
  });

  it('refuses a file whose recording does not match its id, storing nothing', async () => {
    const editor = await library();
    const reporter = await library();
    const created = await reporter.call<LoadedDocument>('document.create', { language: 'vi' });
    const wav = sineWav({ seconds: 1, frequency: 700 });
    const claimed = createHash('sha256').update(sineWav({ seconds: 1, frequency: 800 })).digest('hex');
    const listed: Recording = { id: claimed, name: 'giả.wav', mime: 'audio/wav', bytes: wav.length };
    const path = join(reporter.dir, 'forged.interview');
    writeExchangeFile(path, {
      exchangeId: 'forged',
      createdAt: '2026-12-01T10:00:00.000Z',
      document: { revision: 1, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', doc: { ...created.doc, recordings: [listed] } },
      revisions: [],
      assets: [],
      comments: [],
      recordings: [{ id: claimed, mime: 'audio/wav', name: 'giả.wav', durationMs: 1000, bytes: wav }],
      basedOn: null,
      sender: null,
    });
    await expect(editor.call('exchange.open', { fileName: 'forged.interview', data: readFileSync(path).toString('base64') })).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('a recording does not match its checksum'),
    });
    expect(findMedia(editor.ctx.db, claimed)).toBeNull();
    expect((await editor.call<{ items: unknown[] }>('library.list', {})).items).toEqual([]);
  });
});
