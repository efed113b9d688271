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
