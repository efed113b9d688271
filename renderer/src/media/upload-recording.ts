/**
 * Sending a recording to the library: the File itself is the body of `POST media` (the browser
 * streams it from disk; it is never read into the page), and the answer is the stored Recording
 * (shared/api/media-upload.ts). What can go wrong is said as a reason the view puts in words.
 */
import { encodeMediaFileName, MEDIA_FILE_NAME_HEADER, MEDIA_UPLOAD_PATH } from '../../../shared/api/media-upload';
import { LIMITS, type Recording } from '../../../shared/model/schema';

/** The library stores recordings up to 4 GiB (electron/backend/media/store-media.ts): a larger one is refused before sending. */
export const MAX_RECORDING_BYTES = 4 * 1024 ** 3;

export type UploadFailure = 'tooBig' | 'type' | 'disk' | 'readOnly' | 'other';

/** Each failure's message (i18n key; `other` takes the library's `{{message}}`): the player and the import preview say the same. */
export const UPLOAD_FAILURE_KEY: Record<UploadFailure, string> = {
  tooBig: 'player.errorTooBig',
  type: 'player.errorType',
  disk: 'player.errorDisk',
  readOnly: 'player.errorReadOnly',
  other: 'player.errorOther',
};

/** Audio and video types offered by the file pickers (the library sniffs the bytes anyway). */
export const RECORDING_ACCEPT = 'audio/*,video/mp4,video/webm,video/quicktime,.mp3,.m4a,.aac,.wav,.ogg,.opus,.flac,.mp4,.webm,.mov';

/** Whether a dropped file is meant as a recording (by its type, or its name when the type is unknown). */
export const isRecordingFile = (file: File): boolean => /^(audio|video)\//.test(file.type) || /\.(mp3|m4a|aac|wav|ogg|oga|opus|flac|mp4|m4v|webm|mov)$/i.test(file.name);
export type UploadOutcome = { ok: true; recording: Recording } | { ok: false; reason: UploadFailure; message: string };

type FetchLike = (url: string, init: { method: string; body: Blob; headers: Record<string, string> }) => Promise<{ json(): Promise<unknown> }>;

export async function uploadRecording(file: File, fetchFn: FetchLike = (url, init) => fetch(url, init)): Promise<UploadOutcome> {
  if (file.size > MAX_RECORDING_BYTES) return { ok: false, reason: 'tooBig', message: '' };
  let answer: unknown;
  try {
    const res = await fetchFn(MEDIA_UPLOAD_PATH, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream', [MEDIA_FILE_NAME_HEADER]: encodeMediaFileName(file.name || 'recording') },
    });
    answer = await res.json();
  } catch (err) {
    return { ok: false, reason: 'other', message: err instanceof Error ? err.message : String(err) };
  }
  const result = answer as { ok?: boolean; value?: Recording; error?: { code?: string; message?: string } };
  if (result.ok && result.value) return { ok: true, recording: result.value };
  const code = result.error?.code;
  const message = result.error?.message ?? '';
  if (code === 'invalid_input') return { ok: false, reason: 'type', message };
  if (code === 'disk_full') return { ok: false, reason: 'disk', message };
  if (code === 'read_only') return { ok: false, reason: 'readOnly', message };
  return { ok: false, reason: 'other', message };
}

/**
 * Where an uploaded recording goes in the interview's list:
 * - `linked`: the list already names it (a review file came without it, or it was attached before);
 *   nothing changes in the document, the player now finds its bytes;
 * - `added`: appended; `addedNew` when a listed recording was missing and this one is not it (the
 *   user meant to give the missing one: they are told it was added as another);
 * - `full`: the list is at its cap; nothing changes.
 */
export type Placement = { kind: 'linked' } | { kind: 'added' | 'addedNew'; recordings: Recording[] } | { kind: 'full' };

export function placeRecording(list: readonly Recording[], recording: Recording, missing: ReadonlySet<string>): Placement {
  if (list.some((r) => r.id === recording.id)) return { kind: 'linked' };
  if (list.length >= LIMITS.recordings) return { kind: 'full' };
  const recordings = [...list, recording];
  return { kind: list.some((r) => missing.has(r.id)) ? 'addedNew' : 'added', recordings };
}
