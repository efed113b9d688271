/**
 * What kind of recording a file is, read from its first bytes. The name and the type a browser
 * claims are not believed: a renamed text file or a script must not be stored and later served as
 * audio. Only containers the app's Chromium plays are recognised; everything else is refused.
 */

/** How many leading bytes `sniffMedia` needs to decide. */
export const SNIFF_BYTES = 64;

export interface SniffedMedia {
  mime: string;
  /** A name for messages and listings: "MP3", "WAV", … */
  format: string;
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** ISO BMFF brands of audio-only files (iTunes M4A/M4B, 3GPP audio): everything else is served as video/mp4. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

/** The media type of a recording from its first bytes (at least SNIFF_BYTES when the file has them), or null. */
export function sniffMedia(head: Uint8Array): SniffedMedia | null {
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return { mime: 'audio/wav', format: 'WAV' };
  if (ascii(head, 0, 'fLaC')) return { mime: 'audio/flac', format: 'FLAC' };
  if (ascii(head, 0, 'OggS')) return { mime: ascii(head, 28, 'OpusHead') ? 'audio/ogg; codecs=opus' : 'audio/ogg', format: 'Ogg' };
  // EBML magic: WebM and Matroska (served as WebM, which Chromium plays; Matroska proper it may not).
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { mime: 'video/webm', format: 'WebM' };
  if (ascii(head, 4, 'ftyp')) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (brand === 'qt  ') return { mime: 'video/quicktime', format: 'QuickTime' };
    return AUDIO_BRANDS.has(brand) ? { mime: 'audio/mp4', format: 'M4A' } : { mime: 'video/mp4', format: 'MP4' };
  }
  if (ascii(head, 0, 'ID3')) return { mime: 'audio/mpeg', format: 'MP3' };
  // A frame sync: 11 set bits. Layer bits 00 with the MPEG-4/2 id are ADTS (AAC); layers I–III are MPEG audio.
  if (head.length >= 4 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) {
    const layer = (head[1]! >> 1) & 0x03;
    if (layer === 0 && (head[1]! & 0xf6) === 0xf0) return { mime: 'audio/aac', format: 'AAC' };
    const version = (head[1]! >> 3) & 0x03;
    const bitrate = head[2]! >> 4;
    const sampleRate = (head[2]! >> 2) & 0x03;
    // Reserved version, layer, bitrate and sample-rate values do not occur in real MPEG audio.
    if (layer !== 0 && version !== 1 && bitrate !== 0x0f && sampleRate !== 0x03) return { mime: 'audio/mpeg', format: 'MP3' };
  }
  return null;
}

/** The formats accepted, for the refusal message. */
export const ACCEPTED_MEDIA = 'MP3, M4A/AAC, WAV, Ogg/Opus, FLAC, MP4, MOV or WebM';
