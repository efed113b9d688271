/**
 * The top of a JSON transcript file (whisper's, whisper.cpp's, oTranscribe's): each is one JSON
 * object. Reading it never throws, whatever the file holds, so a file that is not such JSON is
 * simply not that format and the importer tries the next reader.
 */

export type JsonObject = Record<string, unknown>;

/** A plain object: not null and not an array (both are `typeof 'object'` too). */
export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The file's text as a JSON object, past a leading byte-order mark (editors on Windows write one);
 * null when it is not JSON, or JSON whose top is not an object.
 */
export function parseJsonObject(text: string): JsonObject | null {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Malformed, or nested deeper than the parser goes: not JSON for any transcript reader.
    return null;
  }
  return isJsonObject(root) ? root : null;
}
