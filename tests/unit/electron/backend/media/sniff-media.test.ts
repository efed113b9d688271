/** Recognising recordings from their first bytes; the bytes here are written by hand from each format's layout. */
import { describe, expect, it } from 'vitest';
import { sniffMedia } from '../../../../../electron/backend/media/sniff-media';
import { wavDurationMs } from '../../../../../electron/backend/media/wav-duration';
import { sineWav, wavHeader } from '../../../../helpers/wav';

const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p));
  while (out.length < 64) out.push(0);
  return Uint8Array.from(out);
};

describe('sniffMedia', () => {
  it.each([
    ['WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['FLAC', bytes('fLaC', [0, 0, 0, 0x22]), 'audio/flac'],
    ['Ogg Vorbis', bytes('OggS', [0, 2], [0, 0, 0, 0, 0, 0, 0, 0], [1, 2, 3, 4], [0, 0, 0, 0], [0, 0, 0, 0], [1, 0x1e], [1], 'vorbis'), 'audio/ogg'],
    ['Ogg Opus', bytes('OggS', [0, 2], [0, 0, 0, 0, 0, 0, 0, 0], [1, 2, 3, 4], [0, 0, 0, 0], [0, 0, 0, 0], [1, 0x13], 'OpusHead'), 'audio/ogg; codecs=opus'],
    ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]), 'video/webm'],
    ['M4A', bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 2, 0], 'M4A mp42isom'), 'audio/mp4'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isommp41'), 'video/mp4'],
    ['MOV', bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 2, 0], 'qt  '), 'video/quicktime'],
    ['MP3 with ID3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0x21]), 'audio/mpeg'],
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: FF FB 90 64.
    ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    // ADTS, MPEG-4 AAC LC, 44.1 kHz: FF F1 50 80.
    ['AAC (ADTS)', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
  ])('%s', (_name, head, mime) => {
    expect(sniffMedia(head)?.mime).toBe(mime);
  });

  it.each([
    ['a text file renamed .mp3', bytes('Phỏng vấn ông Hải, phần 1\n'.normalize('NFC'))],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['a PDF', bytes('%PDF-1.7')],
    ['RIFF but not WAVE (AVI)', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['a frame sync with a reserved bitrate', bytes([0xff, 0xfb, 0xf0, 0x64])],
    ['nothing', new Uint8Array(0)],
  ])('refuses %s', (_name, head) => {
    expect(sniffMedia(head)).toBeNull();
  });
});

describe('wavDurationMs', () => {
  it('reads the length of a WAV from its header: 3 s of 8 kHz 16-bit mono is 48,000 bytes of data', () => {
    const wav = sineWav({ seconds: 3 });
    expect(wav.length).toBe(44 + 48_000);
    expect(wavDurationMs(wav, wav.length)).toBe(3000);
  });

  it('takes what the file holds when a streaming writer left the data size 0, and what it holds when cut short', () => {
    const header = wavHeader(0, 8000);
    expect(wavDurationMs(header, 44 + 16_000)).toBe(1000);
    expect(wavDurationMs(wavHeader(160_000, 8000), 44 + 8_000)).toBe(500);
  });

  it('says nothing for a header without a format chunk', () => {
    const h = Buffer.from(wavHeader(16_000, 8000));
    h.write('junk', 12, 'ascii');
    expect(wavDurationMs(h, h.length + 16_000)).toBeUndefined();
  });
});
