/**
 * Times and recordings are the reporter's working aid: no wire format, HTML or agency text carries
 * them (nor Word), and preflight has nothing to say about them. Exporting a document with arbitrary times (and
 * recordings) gives the very bytes, and the very findings, of the same document without.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type FormatId } from '../../../../shared/export/formats';
import { preflight } from '../../../../shared/export/preflight';
import { renderExport } from '../../../../shared/export/run-export';
import type { Block, Interview, MediaTime } from '../../../../shared/model/schema';
import { MAX_MEDIA_MS } from '../../../../shared/model/schema';
import { generatedHostileDocument, optionsFor, seedLikeDocument } from '../../../helpers/export-fixtures';

const FORMATS_WITHOUT_TIMES: FormatId[] = ['agency-text', ...EXPORT_FORMATS, 'docx', 'docx-clean'];

const time: fc.Arbitrary<MediaTime> = fc
  .record({ startMs: fc.integer({ min: 0, max: MAX_MEDIA_MS }), length: fc.option(fc.nat({ max: 100_000 }), { nil: undefined }), other: fc.boolean() })
  .map(({ startMs, length, other }) => ({
    startMs,
    ...(length !== undefined ? { endMs: Math.min(MAX_MEDIA_MS, startMs + length) } : {}),
    ...(other ? { recording: 'e'.repeat(64) } : {}),
  }));

function withTimes(doc: Interview, times: (MediaTime | undefined)[]): Interview {
  let i = 0;
  const next = () => times[i++ % Math.max(1, times.length)];
  const visit = (b: Block): Block => {
    if (b.type === 'turn') return { ...b, children: b.children.map((c) => visit(c) as typeof c) };
    if (b.type !== 'paragraph') return b;
    const t = next();
    return t ? { ...b, time: t } : b;
  };
  return {
    ...doc,
    body: doc.body.map(visit),
    recordings: [{ id: 'e'.repeat(64), name: 'phỏng vấn.m4a', mime: 'audio/mp4', bytes: 123_456_789, durationMs: 7_200_000 }],
  };
}

describe('times never leave in the wire formats', () => {
  const bases = [seedLikeDocument(), generatedHostileDocument(3)];

  it.each(FORMATS_WITHOUT_TIMES)('%s: byte-identical with and without times; preflight the same', (format) => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(fc.option(time, { nil: undefined }), { minLength: 1, maxLength: 20 }), (base, times) => {
        const timed = withTimes(base, times);
        const options = optionsFor(base);
        const plain = renderExport(base, { format, options });
        const withThem = renderExport(timed, { format, options });
        expect(Buffer.from(withThem).equals(Buffer.from(plain))).toBe(true);
        expect(preflight(timed, { format, availableAssets: new Set(Object.keys(options.pictures ?? {})) })).toEqual(
          preflight(base, { format, availableAssets: new Set(Object.keys(options.pictures ?? {})) }),
        );
      }),
      { numRuns: 25 },
    );
  });
});
