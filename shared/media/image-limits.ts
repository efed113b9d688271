/**
 * How large a photo may be. Images cross the API as base64 inside JSON (IPC and HTTP alike), so
 * the cap bounds one request's memory; 30 MB is far above what a news photo needs (a full-size
 * camera JPEG is 5–15 MB) and well under the web host's body limit once encoded.
 */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

/**
 * At most this many pixels (width × height, read from the header before anything decodes it).
 * A few kilobytes of PNG or GIF can claim 30000 × 30000 pixels or more: decoding that would take
 * gigabytes in the browser and in the newsroom system. 100 megapixels is well above any camera a
 * newsroom uses (a 61-megapixel full-frame sensor, a stitched panorama of a stadium).
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** Megapixels with one decimal, for messages. */
export function megapixels(pixels: number): string {
  return (pixels / 1_000_000).toFixed(1);
}

/** The longest base64 text that can decode to MAX_IMAGE_BYTES: longer input is refused unread. */
export const MAX_IMAGE_BASE64_LENGTH = 4 * Math.ceil(MAX_IMAGE_BYTES / 3);

/** Megabytes for messages: 31457280 → "30", 62914561 → "60.0". */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}
