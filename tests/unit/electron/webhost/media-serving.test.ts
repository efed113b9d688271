/** Browser mode: recordings uploaded with POST /media and played from /media/<sha-256> with ranges. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { findMedia } from '../../../../electron/backend/media/media-table';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/backend/serving/security-headers';
import { startWebHost, type WebHost } from '../../../../electron/webhost/server';
import { encodeMediaFileName } from '../../../../shared/api/media-upload';
import { rawRequest } from '../../../helpers/raw-request';
import { tempLibrary } from '../../../helpers/temp-library';
import { sineWav } from '../../../helpers/wav';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
let ctx: HandlerContext;
let host: WebHost;
let port: number;

beforeAll(async () => {
  lib = await tempLibrary();
  ctx = { ...lib.ctx, library: { dataDir: lib.dir, damage: null, restore: () => Promise.resolve() } };
  const rendererDir = join(lib.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ ctx, rendererDir, port: 0 });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  lib.close();
});

const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) => rawRequest(port, method, path, headers, body);

const upload = (bytes: Buffer, name: string, headers: Record<string, string> = {}) =>
  raw('POST', '/media', { 'Content-Type': 'audio/wav', 'X-File-Name': encodeMediaFileName(name), Origin: `http://127.0.0.1:${port}`, ...headers }, bytes);

const storedFiles = () => (existsSync(join(lib.dir, 'media')) ? readdirSync(join(lib.dir, 'media'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);

describe('web host: recordings', () => {
  const wav = sineWav({ seconds: 2 });
  const id = createHash('sha256').update(wav).digest('hex');

  it('stores an uploaded recording and answers its Recording, with the Vietnamese name it was sent under', async () => {
    const res = await upload(wav, 'Phỏng vấn ông Hải.wav');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ ok: true, value: { id, name: 'Phỏng vấn ông Hải.wav', mime: 'audio/wav', bytes: wav.length, durationMs: 2000 } });
    expect(findMedia(ctx.db, id)).toMatchObject({ id, bytes: wav.length, mime: 'audio/wav' });
  });

  it('serves it with ranges, its stored type and the app CSP', async () => {
    const first = await raw('GET', `/media/${id}`, { Range: 'bytes=0-' });
    expect(first.status).toBe(206);
    expect(first.headers).toMatchObject({ 'content-type': 'audio/wav', 'accept-ranges': 'bytes', 'content-range': `bytes 0-${wav.length - 1}/${wav.length}`, 'content-security-policy': CONTENT_SECURITY_POLICY });
    expect(Buffer.compare(first.body, wav)).toBe(0);

    const tail = await raw('GET', `/media/${id}`, { Range: 'bytes=-100' });
    expect(tail.status).toBe(206);
    expect(Buffer.compare(tail.body, wav.subarray(wav.length - 100))).toBe(0);

    const past = await raw('GET', `/media/${id}`, { Range: `bytes=${wav.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${wav.length}`);

    const whole = await raw('GET', `/media/${id}`);
    expect(whole.status).toBe(200);
    expect(whole.body.length).toBe(wav.length);

    const head = await raw('HEAD', `/media/${id}`, { Range: 'bytes=10-19' });
    expect(head.status).toBe(206);
    expect(head.headers['content-length']).toBe('10');
    expect(head.body.length).toBe(0);
  });

  it('answers 404 for unknown and malformed ids, never reading a path from the request', async () => {
    expect((await raw('GET', `/media/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await raw('GET', '/media/..%2Flibrary.sqlite')).status).toBe(404);
    expect((await raw('GET', '/media/../library.sqlite')).status).toBe(404);
  });

  it('refuses a text file sent as audio with a message, storing nothing', async () => {
    const before = storedFiles();
    const res = await upload(Buffer.from('Đây không phải là một bản ghi âm.\n'.repeat(5000), 'utf8'), 'ghi-âm.mp3', { 'Content-Type': 'audio/mpeg' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('not a recording') } });
    expect(storedFiles()).toEqual(before);
  });

  it('refuses uploads from another origin, without a file name, and by GET', async () => {
    const before = storedFiles();
    expect((await upload(sineWav({ seconds: 1, frequency: 200 }), 'x.wav', { Origin: 'http://evil.example' })).status).toBe(403);
    const noName = await raw('POST', '/media', { 'Content-Type': 'audio/wav' }, sineWav({ seconds: 1, frequency: 250 }));
    expect(noName.status).toBe(400);
    expect((await raw('GET', '/media')).status).toBe(405);
    expect((await raw('POST', `/media/${id}`, {}, wav)).status).toBe(405);
    expect(storedFiles()).toEqual(before);
  });
});
