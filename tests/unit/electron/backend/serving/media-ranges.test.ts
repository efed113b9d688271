/**
 * Byte ranges of recordings (RFC 9110 §14): the hand-worked cases a media element sends, then a
 * property that any single range header is answered with exactly the bytes a slice of the file
 * gives, or 416 / the whole file where the RFC says so.
 */
import fc from 'fast-check';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaFilePath } from '../../../../../electron/backend/media/media-paths';
import type { MediaRow } from '../../../../../electron/backend/media/media-table';
import { parseRange } from '../../../../../electron/backend/serving/byte-range';
import { mediaResponse, type MediaResponse } from '../../../../../electron/backend/serving/media-response';
import { tempDir } from '../../../../helpers/temp-library';

describe('parseRange', () => {
  it.each([
    ['bytes=0-', { kind: 'span', span: { start: 0, end: 999 } }],
    ['bytes=0-0', { kind: 'span', span: { start: 0, end: 0 } }],
    ['bytes=100-199', { kind: 'span', span: { start: 100, end: 199 } }],
    ['bytes=900-5000', { kind: 'span', span: { start: 900, end: 999 } }],
    ['bytes=999-', { kind: 'span', span: { start: 999, end: 999 } }],
    ['bytes=-1', { kind: 'span', span: { start: 999, end: 999 } }],
    ['bytes=-250', { kind: 'span', span: { start: 750, end: 999 } }],
    ['bytes=-5000', { kind: 'span', span: { start: 0, end: 999 } }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=1000-1005', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=5-4', { kind: 'whole' }],
    ['bytes=0-1,5-9', { kind: 'whole' }],
    ['items=0-5', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
    ['bytes=abc-', { kind: 'whole' }],
  ])('%s of a 1000-byte file', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it('answers any range of an empty file as unsatisfiable, and no header as the whole (empty) file', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(undefined, 0)).toEqual({ kind: 'whole' });
  });
});

describe('mediaResponse against the file', () => {
  const t = tempDir();
  const id = 'ab'.repeat(32);
  let content: Buffer;
  let row: MediaRow;
  beforeAll(() => {
    content = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7 + (i >> 8)) % 256));
    const path = mediaFilePath(t.dir, id)!;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    row = { id, bytes: content.length, mime: 'audio/wav', name: 'a.wav', createdAt: '2026-12-01T00:00:00Z' };
  });
  afterAll(() => t.cleanup());

  async function bodyOf(r: MediaResponse): Promise<Buffer> {
    if (!r.file) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const c of createReadStream(r.file.path, { start: r.file.span.start, end: r.file.span.end })) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  it('answers Chromium’s first request (bytes=0-) with 206 and the whole file', async () => {
    const r = mediaResponse(t.dir, row, 'bytes=0-');
    expect(r.status).toBe(206);
    expect(r.headers).toMatchObject({ 'Content-Range': 'bytes 0-4999/5000', 'Content-Length': '5000', 'Accept-Ranges': 'bytes', 'Content-Type': 'audio/wav' });
    expect(Buffer.compare(await bodyOf(r), content)).toBe(0);
  });

  it('answers no Range with 200 and the whole file, advertising ranges', async () => {
    const r = mediaResponse(t.dir, row, undefined);
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({ 'Content-Length': '5000', 'Accept-Ranges': 'bytes' });
    expect(r.headers['Content-Range']).toBeUndefined();
    expect(Buffer.compare(await bodyOf(r), content)).toBe(0);
  });

  it('answers a range past the end with 416 and the size', () => {
    const r = mediaResponse(t.dir, row, 'bytes=5000-');
    expect(r.status).toBe(416);
    expect(r.headers['Content-Range']).toBe('bytes */5000');
    expect(r.file).toBeNull();
  });

  it('answers 404 for an unknown recording and for one listed whose file is gone', () => {
    expect(mediaResponse(t.dir, null, 'bytes=0-').status).toBe(404);
    expect(mediaResponse(t.dir, { ...row, id: 'cd'.repeat(32) }, 'bytes=0-').status).toBe(404);
    expect(mediaResponse(t.dir, { ...row, id: '../../etc/passwd' }, null).status).toBe(404);
  });

  it('any single range: 206 with exactly the bytes slice() gives, 416 when none are in the file, 200 with all for an invalid one', async () => {
    const total = 5000;
    const header = fc.oneof(
      fc.tuple(fc.nat(7000), fc.option(fc.nat(7000), { nil: undefined })).map(([a, b]) => `bytes=${a}-${b ?? ''}`),
      fc.nat(7000).map((n) => `bytes=-${n}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (h) => {
        const r = mediaResponse(t.dir, row, h);
        // The expectation, worked from the RFC's words rather than from parseRange:
        const m = /^bytes=(\d*)-(\d*)$/.exec(h)!;
        let expected: { status: number; slice?: [number, number] };
        if (m[1] === '') {
          const n = Number(m[2]);
          expected = n === 0 ? { status: 416 } : { status: 206, slice: [Math.max(0, total - n), total] };
        } else {
          const a = Number(m[1]);
          const b = m[2] === '' ? total - 1 : Number(m[2]);
          if (a >= total) expected = { status: 416 };
          else if (b < a) expected = { status: 200, slice: [0, total] };
          else expected = { status: 206, slice: [a, Math.min(b, total - 1) + 1] };
        }
        expect(r.status).toBe(expected.status);
        if (expected.slice) {
          const want = content.subarray(...expected.slice);
          const got = await bodyOf(r);
          expect(Buffer.compare(got, want)).toBe(0);
          expect(r.headers['Content-Length']).toBe(String(want.length));
          if (r.status === 206) expect(r.headers['Content-Range']).toBe(`bytes ${expected.slice[0]}-${expected.slice[1] - 1}/${total}`);
        } else {
          expect(r.headers['Content-Range']).toBe(`bytes */${total}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
