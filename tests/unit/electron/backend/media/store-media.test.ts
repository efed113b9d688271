/** Storing recordings: streamed, hashed, refused when they are not recordings, one file per content. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaFilePath, mediaRoot } from '../../../../../electron/backend/media/media-paths';
import { storeMedia } from '../../../../../electron/backend/media/store-media';
import { tempDir } from '../../../../helpers/temp-library';
import { sineWav, streamedWav } from '../../../../helpers/wav';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const folder = () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/** Every file under the media folder, temporary ones included. */
function filesIn(dataDir: string): string[] {
  const root = mediaRoot(dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('storeMedia', () => {
  it('streams a 20 MB recording to disk as it arrives, names it by its sha-256 and reads its length', async () => {
    const dataDir = folder();
    const seconds = 1311; // 8 kHz 16-bit mono: 16,000 bytes a second, 20,976,000 bytes of sound
    const expectedHash = createHash('sha256');
    let expectedBytes = 0;
    for await (const chunk of streamedWav(seconds)) {
      expectedHash.update(chunk);
      expectedBytes += chunk.length;
    }
    expect(expectedBytes).toBe(44 + 20_976_000);

    // Each time the source is asked for more, everything it gave before is already on disk.
    let given = 0;
    let checks = 0;
    async function* watched(): AsyncGenerator<Buffer> {
      for await (const chunk of streamedWav(seconds)) {
        const incoming = readdirSync(mediaRoot(dataDir)).find((n) => n.startsWith('.incoming-'));
        if (given > 0) {
          expect(statSync(join(mediaRoot(dataDir), incoming!)).size).toBe(given);
          checks++;
        }
        given += chunk.length;
        yield chunk;
      }
    }
    const stored = await storeMedia(dataDir, watched());
    expect(checks).toBeGreaterThan(300);
    expect(stored).toEqual({ id: expectedHash.digest('hex'), mime: 'audio/wav', bytes: expectedBytes, durationMs: 1_311_000 });
    expect(statSync(mediaFilePath(dataDir, stored.id)!).size).toBe(expectedBytes);
    expect(mediaFilePath(dataDir, stored.id)).toBe(join(dataDir, 'media', stored.id.slice(0, 2), stored.id));
    expect(filesIn(dataDir)).toEqual([stored.id]);
  });

  it('stores exactly the bytes sent, whatever the chunking', async () => {
    const dataDir = folder();
    const wav = sineWav({ seconds: 1.5 });
    async function* bytewise(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 200; i++) yield wav.subarray(i, i + 1); // the header arrives a byte at a time
      yield wav.subarray(200);
    }
    const stored = await storeMedia(dataDir, bytewise());
    expect(stored.id).toBe(createHash('sha256').update(wav).digest('hex'));
    expect(Buffer.compare(readFileSync(mediaFilePath(dataDir, stored.id)!), wav)).toBe(0);
    expect(stored.durationMs).toBe(1500);
  });

  it('refuses a text file renamed as a recording, and keeps nothing of it', async () => {
    const dataDir = folder();
    const text = Buffer.from('Phóng viên: Thưa ông, năm nay ngành thủy sản tăng trưởng thế nào?\n'.repeat(1000), 'utf8');
    await expect(storeMedia(dataDir, once(text))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('not a recording') });
    expect(filesIn(dataDir)).toEqual([]);
  });

  it('refuses an empty file and a short non-recording', async () => {
    const dataDir = folder();
    await expect(storeMedia(dataDir, once(Buffer.alloc(0)))).rejects.toMatchObject({ code: 'invalid_input', message: 'The file is empty.' });
    await expect(storeMedia(dataDir, once(Buffer.from('hi')))).rejects.toMatchObject({ code: 'invalid_input' });
    expect(filesIn(dataDir)).toEqual([]);
  });

  it('refuses a recording over the size limit when it passes it, keeping nothing', async () => {
    const dataDir = folder();
    let pulled = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const chunk of streamedWav(60, 8000, 1000)) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    await expect(storeMedia(dataDir, counted(), { maxBytes: 10_000 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('larger than') });
    expect(pulled).toBeLessThan(12_000); // stopped at the limit, not after reading the rest
    expect(filesIn(dataDir)).toEqual([]);
  });

  it('stores the same recording uploaded five times at once as one file', async () => {
    const dataDir = folder();
    const wav = sineWav({ seconds: 2, frequency: 300 });
    async function* slow(): AsyncGenerator<Buffer> {
      for (let at = 0; at < wav.length; at += 4096) {
        await new Promise((r) => setTimeout(r, 1));
        yield wav.subarray(at, at + 4096);
      }
    }
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => storeMedia(dataDir, slow())));
    const id = createHash('sha256').update(wav).digest('hex');
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([id]));
    expect(filesIn(dataDir)).toEqual([id]);
    expect(Buffer.compare(readFileSync(mediaFilePath(dataDir, id)!), wav)).toBe(0);
  });
});
