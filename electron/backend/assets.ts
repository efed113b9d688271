/**
 * The image store: photos are kept once per content (sha-256 of the bytes) in the library's
 * `asset` table, and documents refer to them by that id. Only JPEG, PNG, WebP and GIF are
 * accepted, recognised from their bytes; see shared/media/image-info.ts.
 */
import { createHash } from 'node:crypto';
import type { StoredAsset } from '../../shared/api/contract';
import { IMAGE_FORMAT_NAMES, probeImage, type ImageProbe } from '../../shared/media/image-info';
import { MAX_IMAGE_BASE64_LENGTH, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, megabytes, megapixels } from '../../shared/media/image-limits';
import type { HandlerContext } from './context';
import { AppError } from './errors';

export const ASSET_ID = /^[0-9a-f]{64}$/;

// Strict base64 (no whitespace, no URL alphabet): Buffer.from would silently skip bad characters.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Store an image sent as base64 and describe it; storing the same image again changes nothing. */
export function putImageAsset(ctx: HandlerContext, base64: string): StoredAsset {
  // The length is checked before decoding, so an oversized upload costs no decoding memory.
  if (base64.length > MAX_IMAGE_BASE64_LENGTH) {
    throw new AppError('invalid_input', `The image is ${megabytes(Math.floor((base64.length * 3) / 4))} MB; photos can be at most ${megabytes(MAX_IMAGE_BYTES)} MB.`);
  }
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) throw new AppError('invalid_input', 'The image data is not valid base64.');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new AppError('invalid_input', `The image is ${megabytes(bytes.length)} MB; photos can be at most ${megabytes(MAX_IMAGE_BYTES)} MB.`);
  }
  const probe = probeImage(bytes);
  if (!probe.ok) throw new AppError('invalid_input', refusal(probe));

  const id = createHash('sha256').update(bytes).digest('hex');
  const { mime, width, height } = probe.info;
  ctx.db
    .prepare(
      `INSERT OR IGNORE INTO asset (sha256, mime, byte_length, width, height, created_at, bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, mime, bytes.length, width, height, ctx.now().toISOString(), bytes);
  return { id, mime, width, height, byteLength: bytes.length };
}

/** The stored bytes and type of an asset, or null when the id is malformed or unknown. */
export function readAsset(ctx: HandlerContext, id: string): { mime: string; bytes: Buffer<ArrayBuffer> } | null {
  if (!ASSET_ID.test(id)) return null;
  const row = ctx.db.prepare('SELECT mime, bytes FROM asset WHERE sha256 = ?').get(id) as { mime: string; bytes: Buffer<ArrayBuffer> } | undefined;
  return row ?? null;
}

function refusal(probe: Exclude<ImageProbe, { ok: true }>): string {
  switch (probe.reason) {
    case 'svg':
      return 'SVG drawings are not accepted as photos: an SVG is a document that can carry scripts and links. Export it as PNG or JPEG.';
    case 'damaged':
      return `The file starts like a ${IMAGE_FORMAT_NAMES[probe.mime]} image but is damaged or incomplete.`;
    case 'not_image':
      return 'The file is not a JPEG, PNG, WebP or GIF image.';
    case 'too_many_pixels':
      return `The image is ${probe.width} × ${probe.height} pixels (${megapixels(probe.width * probe.height)} megapixels); photos can be at most ${megapixels(MAX_IMAGE_PIXELS)} megapixels. Resize it and try again.`;
  }
}
