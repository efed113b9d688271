import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAsset } from '../../../../electron/backend/assets';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { StoredAsset } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { MAX_IMAGE_BASE64_LENGTH, MAX_IMAGE_BYTES } from '../../../../shared/media/image-limits';
import { pngClaiming, solidPng, TINY_GIF } from '../../../helpers/images';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

const put = (data: string) => dispatch('asset.put', { data }, lib.ctx) as Promise<Result<StoredAsset>>;
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const assetCount = () => (lib.ctx.db.prepare('SELECT count(*) AS n FROM asset').get() as { n: number }).n;

async function refusal(data: string): Promise<string> {
  const result = await put(data);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe('invalid_input');
  return result.error.message;
}

describe('asset.put', () => {
  it('stores an image under its sha-256 with the type and size read from its bytes', async () => {
    const png = solidPng(40, 30);
    const result = await put(b64(png));
    const id = createHash('sha256').update(png).digest('hex');
    expect(result).toEqual({ ok: true, value: { id, mime: 'image/png', width: 40, height: 30, byteLength: png.length } });
    const row = lib.ctx.db.prepare('SELECT mime, byte_length, width, height, created_at, bytes FROM asset WHERE sha256 = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ mime: 'image/png', byte_length: png.length, width: 40, height: 30, created_at: expect.stringMatching(/^2026-11-27T/) });
    expect(Buffer.compare(row.bytes as Buffer, png)).toBe(0);
    expect(readAsset(lib.ctx, id)).toEqual({ mime: 'image/png', bytes: png });
  });

  it('stores the same image once, however often it is added', async () => {
    const first = await put(b64(TINY_GIF));
    const again = await put(b64(TINY_GIF));
    expect(again).toEqual(first);
    expect(assetCount()).toBe(1);
    await put(b64(solidPng(2, 2)));
    expect(assetCount()).toBe(2);
  });

  it('refuses SVG, saying why', async () => {
    const message = await refusal(b64('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(message).toMatch(/SVG.*not accepted/);
    expect(message).toMatch(/scripts/);
  });

  it('refuses a text file whatever it is called, and a damaged image', async () => {
    expect(await refusal(b64('Đây không phải là ảnh — renamed to photo.jpg'))).toBe('The file is not a JPEG, PNG, WebP or GIF image.');
    expect(await refusal(b64(solidPng(4, 4).subarray(0, 16)))).toBe('The file starts like a PNG image but is damaged or incomplete.');
    expect(await refusal('')).toBe('The file is not a JPEG, PNG, WebP or GIF image.');
    expect(assetCount()).toBe(0);
  });

  it('refuses data that is not strict base64 instead of decoding what it can', async () => {
    const png = b64(solidPng(2, 2));
    expect(await refusal(`${png.slice(0, 8)} \n${png.slice(8)}`)).toMatch(/not valid base64/);
    expect(await refusal(png.replace(/\+/g, '-').replace(/\//g, '_') + '*')).toMatch(/not valid base64/);
  });

  it('refuses an image over the size cap, with both sizes in the message', async () => {
    // Just over the cap: the base64 length alone is enough to refuse.
    const tooLong = 'A'.repeat(MAX_IMAGE_BASE64_LENGTH + 4);
    expect(await refusal(tooLong)).toMatch(/^The image is 30\.0 MB; photos can be at most 30 MB\.$/);
    const sixty = 'A'.repeat(4 * Math.ceil((60 * 1024 * 1024) / 3));
    expect(await refusal(sixty)).toBe('The image is 60 MB; photos can be at most 30 MB.');
    expect(assetCount()).toBe(0);
  });

  it('refuses a decompression bomb by its pixel count, saying how many and how many are allowed; stores nothing', async () => {
    expect(await refusal(b64(pngClaiming(30000, 30000)))).toBe('The image is 30000 × 30000 pixels (900.0 megapixels); photos can be at most 100.0 megapixels. Resize it and try again.');
    expect(await refusal(b64(pngClaiming(2147483647, 2147483647)))).toMatch(/^The image is 2147483647 × 2147483647 pixels/);
    expect(assetCount()).toBe(0);
  });

  it('accepts an image of exactly the cap', async () => {
    // A valid PNG header padded to the cap: decoders read on, the store only needs the header.
    const png = solidPng(8, 8);
    const padded = Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES - png.length)]);
    const result = await put(b64(padded));
    expect(result).toMatchObject({ ok: true, value: { mime: 'image/png', byteLength: MAX_IMAGE_BYTES } });
  });

  it('checks the payload shape like every channel', async () => {
    expect(await dispatch('asset.put', { data: 5 }, lib.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('asset.put', { data: '', name: 'x.png' }, lib.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('readAsset', () => {
  it('answers null for unknown and malformed ids', async () => {
    expect(readAsset(lib.ctx, 'a'.repeat(64))).toBeNull();
    expect(readAsset(lib.ctx, 'A'.repeat(64))).toBeNull();
    expect(readAsset(lib.ctx, "' OR 1=1 --")).toBeNull();
  });
});
