/**
 * The length of a WAV recording, from its header: the `fmt ` chunk's byte rate and the `data`
 * chunk's size. Other containers need their own parsers; their duration stays unknown (the player
 * reads it from the media element).
 */

/** Duration in whole milliseconds, or undefined when the header does not say (cut short, streamed WAV with size 0 or ~0). */
export function wavDurationMs(head: Uint8Array, fileBytes: number): number | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let at = 12;
  let byteRate = 0;
  while (at + 8 <= head.length) {
    const id = String.fromCharCode(...head.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 16 <= head.length) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') {
      if (byteRate === 0) return undefined;
      // A writer that streamed the file may leave the size 0 or 0xFFFFFFFF: take what the file holds.
      const dataBytes = size === 0 || size === 0xffffffff ? fileBytes - (at + 8) : Math.min(size, fileBytes - (at + 8));
      return dataBytes > 0 ? Math.floor((dataBytes * 1000) / byteRate) : undefined;
    }
    at += 8 + size + (size % 2);
  }
  return undefined;
}
