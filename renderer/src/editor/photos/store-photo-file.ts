/**
 * A picked, dropped or pasted file on its way to the asset store. The renderer checks it first
 * (size, then the bytes' format) so the user hears at once, in their language, why a file is
 * refused; the backend checks again and is the authority.
 */
import type { StoredAsset } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { IMAGE_FORMAT_NAMES, probeImage } from '../../../../shared/media/image-info';
import { MAX_IMAGE_BYTES } from '../../../../shared/media/image-limits';

/** Why a file did not become a photo; `file` is its name, for the message. */
export type PhotoProblem = { file: string } & (
  | { kind: 'too_large'; bytes: number }
  | { kind: 'svg' }
  | { kind: 'not_image' }
  | { kind: 'damaged'; format: string }
  | { kind: 'too_many_pixels'; width: number; height: number }
  | { kind: 'failed'; message: string }
);

export type PutAsset = (base64: string) => Promise<Result<StoredAsset>>;

export type StoreOutcome = { ok: true; asset: StoredAsset } | { ok: false; problem: PhotoProblem };

export async function storePhotoFile(file: File, put: PutAsset): Promise<StoreOutcome> {
  const refuse = (problem: PhotoProblem): StoreOutcome => ({ ok: false, problem });
  // Checked before reading, so a huge file is refused at once and never loaded into memory.
  if (file.size > MAX_IMAGE_BYTES) return refuse({ file: file.name, kind: 'too_large', bytes: file.size });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const probe = probeImage(bytes);
  if (!probe.ok) {
    switch (probe.reason) {
      case 'damaged':
        return refuse({ file: file.name, kind: 'damaged', format: IMAGE_FORMAT_NAMES[probe.mime] });
      case 'too_many_pixels':
        return refuse({ file: file.name, kind: 'too_many_pixels', width: probe.width, height: probe.height });
      default:
        return refuse({ file: file.name, kind: probe.reason });
    }
  }
  const result = await put(bytesToBase64(bytes));
  return result.ok ? { ok: true, asset: result.value } : refuse({ file: file.name, kind: 'failed', message: result.error.message });
}

/** Base64 of any size: btoa takes a binary string, built in chunks to stay under argument limits. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
