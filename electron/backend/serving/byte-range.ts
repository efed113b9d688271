/**
 * The `Range` header of a request for a recording (RFC 9110 §14). Chromium asks for `bytes=0-`
 * first and for `bytes=<n>-` on every seek; a plain 200 would make the recording unseekable
 * (every seek snaps back to 0), so ranges are answered exactly. One range only: media elements
 * never ask for several, and a multipart answer is not worth its risk.
 */

/** An inclusive byte span of a file. */
export interface ByteSpan {
  start: number;
  end: number;
}

export type RangeRequest =
  /** No Range header, or one this server ignores (another unit, several ranges): the whole file, 200. */
  | { kind: 'whole' }
  | { kind: 'span'; span: ByteSpan }
  /** A byte range the file cannot satisfy: 416. */
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/** Read `header` for a file of `total` bytes. */
export function parseRange(header: string | undefined | null, total: number): RangeRequest {
  if (header === undefined || header === null) return { kind: 'whole' };
  const m = SINGLE.exec(header.trim());
  // A malformed header or a list of ranges may be ignored (RFC 9110 §14.2): the whole file is a valid answer.
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  if (m[1] === '') {
    // `-n`: the last n bytes (all of them when n exceeds the file); `-0` asks for nothing.
    const suffix = Number(m[2]);
    if (suffix === 0 || total === 0) return { kind: 'unsatisfiable' };
    return { kind: 'span', span: { start: Math.max(0, total - suffix), end: total - 1 } };
  }
  const start = Number(m[1]);
  if (start >= total) return { kind: 'unsatisfiable' };
  if (m[2] === '') return { kind: 'span', span: { start, end: total - 1 } };
  const end = Number(m[2]);
  if (end < start) return { kind: 'whole' }; // invalid: ignored, as the RFC allows
  return { kind: 'span', span: { start, end: Math.min(end, total - 1) } };
}
