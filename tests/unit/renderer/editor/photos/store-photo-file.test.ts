import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { bytesToBase64, storePhotoFile, type PutAsset } from '../../../../../renderer/src/editor/photos/store-photo-file';
import { MAX_IMAGE_BYTES } from '../../../../../shared/media/image-limits';
import { solidPng } from '../../../../helpers/images';

const stored = { id: 'f'.repeat(64), mime: 'image/png' as const, width: 4, height: 3, byteLength: 10 };

describe('storePhotoFile: checks in the renderer before anything is sent', () => {
  it('sends an image as base64 and returns the stored asset', async () => {
    const png = solidPng(4, 3);
    const put = vi.fn<PutAsset>(async () => ({ ok: true, value: stored }));
    expect(await storePhotoFile(new File([new Uint8Array(png)], 'chân dung.jpg'), put)).toEqual({ ok: true, asset: stored });
    expect(put).toHaveBeenCalledWith(png.toString('base64'));
  });

  it('refuses a file over the cap without reading it', async () => {
    const huge = { name: 'raw.jpg', size: 60 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as File;
    const put = vi.fn<PutAsset>();
    expect(await storePhotoFile(huge, put)).toEqual({ ok: false, problem: { file: 'raw.jpg', kind: 'too_large', bytes: 60 * 1024 * 1024 } });
    expect(put).not.toHaveBeenCalled();
    expect(MAX_IMAGE_BYTES).toBeLessThan(huge.size);
  });

  it('refuses by content: SVG, a text file named .jpg, a damaged image', async () => {
    const put = vi.fn<PutAsset>();
    const problem = async (file: File) => {
      const outcome = await storePhotoFile(file, put);
      return outcome.ok ? null : outcome.problem;
    };
    expect(await problem(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.png', { type: 'image/png' }))).toEqual({ file: 'logo.png', kind: 'svg' });
    expect(await problem(new File(['not a photo'], 'anh.jpg', { type: 'image/jpeg' }))).toEqual({ file: 'anh.jpg', kind: 'not_image' });
    expect(await problem(new File([new Uint8Array(solidPng(4, 3).subarray(0, 12))], 'cut.png'))).toEqual({ file: 'cut.png', kind: 'damaged', format: 'PNG' });
    expect(put).not.toHaveBeenCalled();
  });

  it('passes on the backend’s refusal', async () => {
    const put: PutAsset = async () => ({ ok: false, error: { code: 'unavailable', message: 'The backend is not reachable.' } });
    expect(await storePhotoFile(new File([new Uint8Array(solidPng(1, 1))], 'a.png'), put)).toEqual({
      ok: false,
      problem: { file: 'a.png', kind: 'failed', message: 'The backend is not reachable.' },
    });
  });
});

describe('bytesToBase64', () => {
  it('matches Node’s encoding across chunk boundaries', () => {
    for (const size of [0, 1, 2, 3, 0x8000, 0x8000 * 3 + 7]) {
      const bytes = randomBytes(size);
      expect(bytesToBase64(bytes), String(size)).toBe(bytes.toString('base64'));
    }
  });
});
