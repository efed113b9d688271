/**
 * A recording picked at import is linked (shared/import/link-recording.ts): every imported time
 * names it, nothing else in the text changes, and the recording is listed once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkRecording } from '../../../../shared/import/link-recording';
import { importTranscriptOrText } from '../../../../shared/import/transcripts/import-transcript';
import { interviewSchema, type Block, type MediaTime, type Recording } from '../../../../shared/model/schema';

const recording = (digit: string, name = 'phỏng vấn.wav'): Recording => ({ id: digit.repeat(64), name, mime: 'audio/wav', bytes: 960_044, durationMs: 30_000 });

const VTT = [
  'WEBVTT',
  '',
  '00:00:00.500 --> 00:00:03.189',
  '<v Phóng viên>Xin chào ông. Nước sạch về làng chưa?',
  '',
  '00:00:05.500 --> 00:00:07.932',
  '<v Ông Hải>Yes, the water came last spring.',
  '',
].join('\n');

/** Every paragraph's time in document order (undefined for an untimed one). */
function times(body: readonly Block[]): (MediaTime | undefined)[] {
  return body.flatMap((b) => (b.type === 'paragraph' ? [b.time] : b.type === 'turn' ? b.children.flatMap((c) => (c.type === 'paragraph' ? [c.time] : [])) : []));
}

/** The body with every time's recording removed: what must not change. */
const withoutRecording = (body: readonly Block[]) => JSON.parse(JSON.stringify(body, (key, value: unknown) => (key === 'recording' ? undefined : value))) as unknown;

describe('linkRecording', () => {
  it('names the picked recording in each time of an imported WebVTT, keeping starts and ends', () => {
    const { doc } = importTranscriptOrText('phong-van.vtt', VTT);
    const picked = recording('a');
    const linked = linkRecording(doc, picked);
    expect(linked).toMatchObject({ ok: true, recordings: [picked] });
    if (!linked.ok) return;
    expect(times(linked.body)).toEqual([
      { startMs: 500, endMs: 3189, recording: picked.id },
      { startMs: 5500, endMs: 7932, recording: picked.id },
    ]);
    // The imported interview with its recording linked is a valid document.
    expect(interviewSchema.safeParse({ ...doc, body: linked.body, recordings: linked.recordings }).error).toBeUndefined();
  });

  it('lists a recording the interview already has once, after those before it', () => {
    const own = recording('b', 'cuộc gọi.m4a');
    const picked = recording('c');
    const body: Block[] = [{ type: 'paragraph', children: [{ text: 'Mở đầu' }], time: { startMs: 0, recording: own.id } }];
    const first = linkRecording({ body, recordings: [own] }, picked);
    expect(first).toMatchObject({ ok: true, recordings: [own, picked] });
    const again = linkRecording({ body, recordings: [own, picked] }, picked);
    expect(again).toMatchObject({ ok: true, recordings: [own, picked] });
  });

  it('refuses when the interview already has as many recordings as it may', () => {
    const full = Array.from({ length: 20 }, (_, i) => ({ ...recording('d'), id: i.toString(16).padStart(64, '0') }));
    expect(linkRecording({ body: [], recordings: full }, recording('e'))).toEqual({ ok: false, reason: 'full' });
  });

  it('changes only the recording each time names, for any timed transcript (property)', () => {
    const cue = fc.record({
      start: fc.nat(3_000_000),
      length: fc.nat(60_000),
      voice: fc.constantFrom('Phóng viên', 'Ông Hải', 'Reporter'),
      words: fc.constantFrom('Xin chào ông.', 'Nước về sớm.', 'How was the year?', 'Cảm ơn ông.'),
    });
    const clock = (ms: number) => {
      const h = Math.floor(ms / 3_600_000);
      const m = Math.floor(ms / 60_000) % 60;
      const s = Math.floor(ms / 1000) % 60;
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
    };
    fc.assert(
      fc.property(fc.array(cue, { minLength: 1, maxLength: 12 }), fc.constantFrom('1', '2', 'f'), (cues, digit) => {
        const sorted = [...cues].sort((a, b) => a.start - b.start);
        const vtt = ['WEBVTT', '', ...sorted.flatMap((c) => [`${clock(c.start)} --> ${clock(c.start + c.length)}`, `<v ${c.voice}>${c.words}`, ''])].join('\n');
        const { doc } = importTranscriptOrText('x.vtt', vtt);
        const picked = recording(digit);
        const linked = linkRecording(doc, picked);
        if (!linked.ok) throw new Error('refused');
        const before = times(doc.body);
        const after = times(linked.body);
        expect(after.map((t) => t === undefined)).toEqual(before.map((t) => t === undefined));
        for (const t of after) if (t) expect(t.recording).toBe(picked.id);
        expect(withoutRecording(linked.body)).toEqual(withoutRecording(doc.body));
        expect(linked.recordings.filter((r) => r.id === picked.id)).toHaveLength(1);
        // The import itself is left as it was (the preview may be accepted again).
        expect(times(doc.body).every((t) => t === undefined || t.recording === undefined)).toBe(true);
      }),
    );
  });
});
