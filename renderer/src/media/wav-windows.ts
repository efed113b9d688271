/**
 * Peaks of a long WAV read by windows: a WAV's samples sit at known offsets (RIFF: a header, then
 * the PCM in the `data` chunk), so the waveform of a two-hour recording needs no decoding and no
 * reading of the whole file. Each column of the waveform covers an equal span of the recording;
 * a few small windows spread over that span are read by byte range and the loudest sample in them
 * is the column's peak. Memory and bytes read depend on the number of columns, not on the
 * recording's length. A peak so found can miss a short loud moment between windows; the waveform
 * shows where the voices are, not every click.
 *
 * Pure functions: the worker (waveform-worker.ts) fetches the ranges they name.
 */

export interface WavLayout {
  /** 1 integer PCM, 3 IEEE float (WAVE_FORMAT_EXTENSIBLE is read through to its sub-format). */
  format: 1 | 3;
  channels: number;
  sampleRate: number;
  bitsPerSample: 8 | 16 | 24 | 32;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
  /** Where the PCM starts in the file, and how many bytes of it there are (whole frames). */
  dataOffset: number;
  dataBytes: number;
}

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);

/**
 * The layout of a WAV from its first bytes (the header up to the `data` chunk's start), or null
 * when they are not a WAV this reader can take (then the waveform is not drawn; nothing is guessed).
 * `fileBytes`: the whole file's size, which bounds a `data` chunk whose size field is wrong or
 * 0xFFFFFFFF (recorders that stream write it before they know the length).
 */
export function parseWavHeader(bytes: Uint8Array, fileBytes: number): WavLayout | null {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavLayout, 'dataOffset' | 'dataBytes'> | null = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      let format = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const blockAlign = view.getUint16(body + 12, true);
      const bits = view.getUint16(body + 14, true);
      // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID's first two bytes are the format code.
      if (format === 0xfffe && size >= 40 && body + 26 <= bytes.length) format = view.getUint16(body + 24, true);
      const known = (format === 1 && [8, 16, 24, 32].includes(bits)) || (format === 3 && bits === 32);
      if (!known || channels < 1 || sampleRate < 1 || blockAlign !== (channels * bits) / 8) return null;
      fmt = { format: format as 1 | 3, channels, sampleRate, bitsPerSample: bits as WavLayout['bitsPerSample'], blockAlign };
    } else if (id === 'data') {
      if (!fmt) return null;
      const available = Math.max(0, fileBytes - body);
      const dataBytes = Math.min(size, available);
      return { ...fmt, dataOffset: body, dataBytes: dataBytes - (dataBytes % fmt.blockAlign) };
    }
    // Chunks are padded to an even size.
    at = body + size + (size % 2);
  }
  return null;
}

/** A byte range of the file, inclusive of `to` (as an HTTP Range names it). */
export interface ByteWindow {
  column: number;
  from: number;
  to: number;
}

/**
 * The windows to read: `perColumn` windows of at most `windowBytes` in each of `columns` equal
 * spans of the PCM, each starting and ending on a frame boundary, inside the data chunk, in file
 * order. A span shorter than the windows is read whole, once.
 */
export function peakWindows(layout: WavLayout, columns: number, perColumn: number, windowBytes: number): ByteWindow[] {
  const frames = layout.dataBytes / layout.blockAlign;
  const windowFrames = Math.max(1, Math.floor(windowBytes / layout.blockAlign));
  const out: ByteWindow[] = [];
  for (let column = 0; column < columns; column++) {
    const first = Math.floor((column * frames) / columns);
    const end = Math.floor(((column + 1) * frames) / columns);
    const span = end - first;
    if (span <= 0) continue;
    if (span <= windowFrames * perColumn) {
      out.push({ column, from: layout.dataOffset + first * layout.blockAlign, to: layout.dataOffset + end * layout.blockAlign - 1 });
      continue;
    }
    for (let k = 0; k < perColumn; k++) {
      // Spread evenly over the span: the k-th window starts k/perColumn of the way into it.
      const start = first + Math.floor((k * (span - windowFrames)) / Math.max(1, perColumn - 1));
      out.push({ column, from: layout.dataOffset + start * layout.blockAlign, to: layout.dataOffset + (start + windowFrames) * layout.blockAlign - 1 });
    }
  }
  return out;
}

/** The loudest sample (0–1, over every channel) in whole frames of PCM bytes. */
export function loudest(layout: WavLayout, bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = layout.bitsPerSample / 8;
  const usable = bytes.length - (bytes.length % layout.blockAlign);
  let max = 0;
  for (let at = 0; at + size <= usable; at += size) {
    let v: number;
    if (layout.format === 3) v = view.getFloat32(at, true);
    else if (size === 1) v = (bytes[at]! - 128) / 128; // 8-bit WAV is unsigned
    else if (size === 2) v = view.getInt16(at, true) / 32768;
    else if (size === 3) v = ((bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) << 8) / 2 ** 31; // sign from the top byte
    else v = view.getInt32(at, true) / 2 ** 31;
    const a = Math.abs(v);
    if (a > max) max = a;
  }
  return Math.min(1, max);
}
