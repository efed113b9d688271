/**
 * app://bundle/media on the desktop: main streams recordings itself and asks the backend process
 * only what the `media` table says (a stand-in port here, over a real library and media folder).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMedia, registerMedia } from '../../../../electron/backend/media/media-table';
import { answerMediaRequest, isMediaRequestPath, type MediaLibraryPort } from '../../../../electron/main/media-protocol';
import { encodeMediaFileName } from '../../../../shared/api/media-upload';
import { tempLibrary } from '../../../helpers/temp-library';
import { sineWav } from '../../../helpers/wav';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
let port: MediaLibraryPort;
const asked: string[] = [];

beforeAll(async () => {
  lib = await tempLibrary();
  // What BackendProcess forwards to the backend process, answered by the same table functions.
  port = {
    findMedia: async (id) => (asked.push(`find ${id.slice(0, 8)}`), findMedia(lib.ctx.db, id)),
    registerMedia: async (stored, name) => (asked.push(`register ${stored.id.slice(0, 8)}`), { ok: true, value: registerMedia(lib.ctx.db, stored, name, lib.ctx.now()) }),
  };
});
afterAll(() => lib.close());

const APP = 'app://bundle';

describe('app://bundle/media', () => {
  const wav = sineWav({ seconds: 1.5 });
  const id = createHash('sha256').update(wav).digest('hex');

  it('answers only media and media/<id>', () => {
    expect(isMediaRequestPath('/media')).toBe(true);
    expect(isMediaRequestPath(`/media/${id}`)).toBe(true);
    expect(isMediaRequestPath('/mediaX')).toBe(false);
    expect(isMediaRequestPath('/assets/index.js')).toBe(false);
  });

  it('stores an upload streamed from the request body and lists it through the backend process', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < wav.length; at += 1000) controller.enqueue(new Uint8Array(wav.subarray(at, at + 1000)));
        controller.close();
      },
    });
    const res = await answerMediaRequest(
      new Request(`${APP}/media`, { method: 'POST', body, headers: { 'X-File-Name': encodeMediaFileName('Bà Lan trả lời.wav') }, duplex: 'half' } as RequestInit),
      lib.dir,
      port,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { id, name: 'Bà Lan trả lời.wav', mime: 'audio/wav', bytes: wav.length, durationMs: 1500 } });
    expect(asked).toContain(`register ${id.slice(0, 8)}`);
  });

  it('streams ranges of it, with 416 past the end and 404 for what the table does not list', async () => {
    const part = await answerMediaRequest(new Request(`${APP}/media/${id}`, { headers: { Range: 'bytes=100-199' } }), lib.dir, port);
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe(`bytes 100-199/${wav.length}`);
    expect(part.headers.get('Content-Type')).toBe('audio/wav');
    expect(Buffer.compare(Buffer.from(await part.arrayBuffer()), wav.subarray(100, 200))).toBe(0);

    const past = await answerMediaRequest(new Request(`${APP}/media/${id}`, { headers: { Range: `bytes=${wav.length}-` } }), lib.dir, port);
    expect(past.status).toBe(416);
    expect(past.headers.get('Content-Range')).toBe(`bytes */${wav.length}`);

    expect((await answerMediaRequest(new Request(`${APP}/media/${'e'.repeat(64)}`), lib.dir, port)).status).toBe(404);
    expect((await answerMediaRequest(new Request(`${APP}/media/..%2F..%2Flibrary.sqlite`), lib.dir, port)).status).toBe(404);
  });

  it('refuses a text file with the reason, as JSON', async () => {
    const res = await answerMediaRequest(
      new Request(`${APP}/media`, { method: 'POST', body: 'Không phải âm thanh.'.repeat(100), headers: { 'X-File-Name': 'x.mp3' } }),
      lib.dir,
      port,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('not a recording') } });
  });
});
