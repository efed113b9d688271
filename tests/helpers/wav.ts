/**
 * WAV recordings made in the test itself: 16-bit mono PCM, written by hand from the RIFF layout so
 * that no test needs a sound tool installed. A WAV seeks exactly in Chromium, which is what the
 * serving tests read back.
 */

export interface WavOptions {
  seconds: number;
  sampleRate?: number;
  /** Hz of the tone; 0 for silence. */
  frequency?: number;
}

const HEADER_BYTES = 44;

export function wavHeader(dataBytes: number, sampleRate: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16); // PCM fmt chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * 2, 28); // byte rate
  h.writeUInt16LE(2, 32); // block align
  h.writeUInt16LE(16, 34); // bits per sample
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** A whole WAV file in memory (for small recordings). */
export function sineWav({ seconds, sampleRate = 8000, frequency = 440 }: WavOptions): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 8000), i * 2);
  return Buffer.concat([wavHeader(data.length, sampleRate), data]);
}

/**
 * A large WAV as a stream of chunks, never whole in memory: the header, then `seconds` of a
 * pattern that differs from chunk to chunk (so a hash over it depends on every byte).
 */
export async function* streamedWav(seconds: number, sampleRate = 8000, chunkBytes = 64 * 1024): AsyncGenerator<Buffer> {
  const dataBytes = seconds * sampleRate * 2;
  yield wavHeader(dataBytes, sampleRate);
  for (let at = 0, n = 0; at < dataBytes; at += chunkBytes, n++) {
    const chunk = Buffer.alloc(Math.min(chunkBytes, dataBytes - at), n % 251);
    yield chunk;
  }
}

export interface PageWavOptions {
  seconds: number;
  /** The file's name (NFC in the File). */
  name: string;
  sampleRate?: number;
  /**
   * `steps`: a tone whose pitch rises each second (a position can be heard, and differs per second);
   * `swell`: a 220 Hz tone whose loudness swells and fades (a waveform with shape).
   */
  tone: 'steps' | 'swell';
}

/**
 * The same 16-bit mono PCM WAV, made inside the page as a `File` (pass this function to
 * `page.evaluateHandle`): a long recording is then never copied between the test and the page.
 * It must be self-contained — Playwright sends its source text to the page — so it declares no
 * inner functions (a build that keeps function names would wrap them with a helper the page lacks).
 */
export function wavFileInPage({ seconds, name, sampleRate = 8000, tone }: PageWavOptions): File {
  const samples = Math.round(seconds * sampleRate);
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const tags: [number, string][] = [
    [0, 'RIFF'],
    [8, 'WAVEfmt '],
    [36, 'data'],
  ];
  for (const [at, text] of tags) for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  view.setUint32(4, 36 + samples * 2, true);
  view.setUint32(16, 16, true); // PCM fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    const second = Math.floor(i / sampleRate);
    const value =
      tone === 'steps'
        ? Math.sin((2 * Math.PI * (300 + 20 * second) * i) / sampleRate) * 6000
        : Math.sin((2 * Math.PI * 220 * i) / sampleRate) * 4000 * (1 + Math.sin(i / sampleRate));
    view.setInt16(44 + i * 2, Math.round(value), true);
  }
  return new File([buffer], name.normalize('NFC'), { type: 'audio/wav' });
}
