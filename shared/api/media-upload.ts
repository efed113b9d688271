/**
 * Uploading a recording. A recording is hundreds of megabytes, so it does not travel as an API
 * payload (JSON, base64, structured clone): the page sends the file itself as the body of
 * `POST media` (relative to the page, so the same on the web host and on app://), and both hosts
 * stream it into the library (electron/backend/serving/media-upload.ts). The answer is a `Result`
 * as the API's: the stored `Recording`, which the editor then adds to `doc.recordings` by a normal
 * edit. A file whose id is already in `doc.recordings` (the copy of a recording an exchange file
 * left out) is that recording: the page links it rather than adding it twice.
 *
 *   fetch('media', { method: 'POST', body: file, headers: { 'Content-Type': file.type, [MEDIA_FILE_NAME_HEADER]: encodeMediaFileName(file.name) } })
 */
export const MEDIA_UPLOAD_PATH = 'media';

/** The file's name, percent-encoded UTF-8 (a header carries ASCII only). Its presence is also what makes a cross-site upload need a CORS preflight, which the hosts never grant. */
export const MEDIA_FILE_NAME_HEADER = 'X-File-Name';

export function encodeMediaFileName(name: string): string {
  return encodeURIComponent(name.normalize('NFC'));
}

/**
 * Where a stored recording is played from (relative to the page). A `HEAD` of it answers 404 when
 * the library does not hold that recording (one a review file left out): "recording not included".
 */
export function mediaUrl(id: string): string {
  return `media/${id}`;
}
