/**
 * A paragraph's time in a recording (schema.ts `time`, media-time.ts) through the model's rules:
 * normalising and repairing keep it; a time that ends before it starts cannot be stored, and a
 * stored one opens with its start kept; a split keeps the time on the first part, a join the first's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import { formatClock, joinedTime, timeIsIn } from '../../../../shared/model/media-time';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { repairInterview } from '../../../../shared/model/repair';
import { LIMITS, MAX_MEDIA_MS, type Block, type Interview, type MediaTime } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';

const HASH = 'a'.repeat(64);

const time: fc.Arbitrary<MediaTime> = fc
  .record({ startMs: fc.integer({ min: 0, max: MAX_MEDIA_MS }), length: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }), inOther: fc.boolean() })
  .map(({ startMs, length, inOther }) => ({
    startMs,
    ...(length !== undefined ? { endMs: Math.min(MAX_MEDIA_MS, startMs + length) } : {}),
    ...(inOther ? { recording: HASH } : {}),
  }));

const TEXTS = ['Xin chào', 'a\u0301 b', '', 'Đảng ', '\uFEFFok', 'end.'];

/** A document whose paragraphs (top level and in a turn) carry arbitrary times or none. */
const timedDocument: fc.Arbitrary<Interview> = fc
  .array(fc.record({ text: fc.constantFrom(...TEXTS), time: fc.option(time, { nil: undefined }), inTurn: fc.boolean() }), { minLength: 1, maxLength: 8 })
  .map((items) => {
    const doc = newInterview('doc-1', 'vi');
    const speaker = doc.participants[0]!.id;
    doc.body = items.map(({ text, time, inTurn }): Block => {
      const p = { type: 'paragraph' as const, children: [{ text }], ...(time ? { time } : {}) };
      return inTurn ? { type: 'turn', speakerId: speaker, children: [p] } : p;
    });
    return doc;
  });

const timesOf = (doc: Interview) => doc.body.flatMap((b) => (b.type === 'paragraph' ? [b.time] : b.type === 'turn' ? b.children.map((c) => (c.type === 'paragraph' ? c.time : undefined)) : []));

describe('times through normalising and repair', () => {
  it('normalising keeps every time and is idempotent with times', () => {
    fc.assert(
      fc.property(timedDocument, (doc) => {
        const once = normalizeInterview(doc);
        expect(timesOf(once)).toEqual(timesOf(doc));
        expect(normalizeInterview(once)).toEqual(once);
        expect(validateInterview(once).ok).toBe(true);
      }),
    );
  });

  it('repair opens a timed document unchanged', () => {
    fc.assert(
      fc.property(timedDocument, (doc) => {
        const r = repairInterview(doc);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.repairs).toEqual([]);
          expect(timesOf(r.doc)).toEqual(timesOf(doc));
        }
      }),
    );
  });

  it('the schema refuses a time that ends before it starts', () => {
    const doc = newInterview('doc-1', 'en');
    doc.body = [{ type: 'paragraph', children: [{ text: 'Hello' }], time: { startMs: 5000, endMs: 4000 } }];
    expect(validateInterview(doc).ok).toBe(false);
  });

  it('repair drops only the end of a time that ends before it starts, and says so', () => {
    const doc = newInterview('doc-1', 'en');
    const speaker = doc.participants[0]!.id;
    doc.body = [
      { type: 'paragraph', children: [{ text: 'Intro' }], time: { startMs: 5000, endMs: 4000, recording: HASH } },
      { type: 'turn', speakerId: speaker, children: [{ type: 'paragraph', children: [{ text: 'Answer' }], time: { startMs: 9000, endMs: 1 } }] },
      { type: 'paragraph', children: [{ text: 'Fine' }], time: { startMs: 10_000, endMs: 12_000 } },
    ];
    const r = repairInterview(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.repairs).toEqual([{ kind: 'timeEndsDropped', count: 2 }]);
    expect(timesOf(r.doc)).toEqual([{ startMs: 5000, recording: HASH }, { startMs: 9000 }, { startMs: 10_000, endMs: 12_000 }]);
    expect(repairInterview(r.doc)).toEqual({ ok: true, doc: r.doc, repairs: [] });
  });

  it('an over-long timed paragraph split by repair keeps its time on the first part only', () => {
    const doc = newInterview('doc-1', 'vi');
    const words = Array.from({ length: 30_000 }, () => 'từ').join(' '); // 89,999 characters; NFC-safe
    doc.body = [{ type: 'paragraph', children: [{ text: `${words} ${words}` }], time: { startMs: 61_000, endMs: 95_000 } }];
    const r = repairInterview(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.body.length).toBe(2);
    expect(timesOf(r.doc)).toEqual([{ startMs: 61_000, endMs: 95_000 }, undefined]);
    expect(r.doc.body.every((b) => b.type === 'paragraph' && b.children.every((l) => l.text.length <= LIMITS.paragraphText))).toBe(true);
  });
});

describe('joinedTime', () => {
  it('keeps the first time, ending where the second ends when both are timed in one recording', () => {
    expect(joinedTime({ startMs: 1000, endMs: 2000 }, { startMs: 2000, endMs: 3500 })).toEqual({ startMs: 1000, endMs: 3500 });
    expect(joinedTime({ startMs: 1000 }, { startMs: 2000, endMs: 3500 })).toEqual({ startMs: 1000, endMs: 3500 });
    expect(joinedTime({ startMs: 1000, endMs: 2000 }, { startMs: 2000 })).toEqual({ startMs: 1000, endMs: 2000 });
    expect(joinedTime({ startMs: 1000, endMs: 2000 }, undefined)).toEqual({ startMs: 1000, endMs: 2000 });
    expect(joinedTime(undefined, { startMs: 2000, endMs: 3000 })).toBeUndefined();
    // A blank first line: the joined text is all the second's.
    expect(joinedTime(undefined, { startMs: 2000, endMs: 3000 }, true)).toEqual({ startMs: 2000, endMs: 3000 });
    // Another recording's end says nothing about this one.
    expect(joinedTime({ startMs: 1000, endMs: 2000 }, { startMs: 0, endMs: 9000, recording: HASH })).toEqual({ startMs: 1000, endMs: 2000 });
    // An end before the start (text moved about) is not taken.
    expect(joinedTime({ startMs: 5000 }, { startMs: 100, endMs: 200 })).toEqual({ startMs: 5000 });
  });
});

describe('formatClock', () => {
  it('reads m:ss under an hour and h:mm:ss from an hour, rounding down', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59_999)).toBe('0:59');
    expect(formatClock(83_000)).toBe('1:23');
    expect(formatClock(3_599_999)).toBe('59:59');
    expect(formatClock(3_600_000)).toBe('1:00:00');
    expect(formatClock(2 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('2:05:07');
  });
});

describe('timeIsIn', () => {
  const first = 'a'.repeat(64);
  const second = 'b'.repeat(64);

  it('puts a time naming no recording in the first recording only', () => {
    expect(timeIsIn(undefined, first, true)).toBe(true);
    expect(timeIsIn(undefined, second, false)).toBe(false);
  });

  it('puts a time naming a recording in that recording only, first or not', () => {
    expect(timeIsIn(second, second, false)).toBe(true);
    expect(timeIsIn(second, first, true)).toBe(false);
    expect(timeIsIn(first, first, true)).toBe(true);
    expect(timeIsIn(first, second, false)).toBe(false);
  });
});
