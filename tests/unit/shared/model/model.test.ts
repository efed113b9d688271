import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { interviewSchema, type Interview } from '../../../../shared/model/schema';
import { searchableText } from '../../../../shared/model/text';
import { validateInterview } from '../../../../shared/model/validate';

const para = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });

function sample(): Interview {
  const doc = newInterview('doc-1', 'vi');
  doc.meta.headline = 'Long An: Kết nạp đảng viên';
  doc.body = [
    para('TTXVN - Thời gian qua'),
    { type: 'turn', speakerId: 'p1', children: [para('Thưa ông?')] },
    {
      type: 'turn',
      speakerId: 'p2',
      children: [
        para('Đảng bộ tỉnh'),
        { type: 'photo', assetId: 'a'.repeat(64), caption: 'Đảng viên Nguyễn Ngọc Hải', credit: 'TTXVN phát', alt: '', children: [{ text: '' }] },
        para('Theo chỉ tiêu'),
      ],
    },
  ];
  return doc;
}

describe('document schema', () => {
  it('accepts a new interview and the seed-like structure (photo inside an answer)', () => {
    expect(validateInterview(newInterview('x', 'en')).ok).toBe(true);
    expect(validateInterview(sample()).ok).toBe(true);
  });

  it('refuses a turn whose speaker is not a participant, naming the place', () => {
    const doc = sample();
    (doc.body[1] as { speakerId: string }).speakerId = 'ghost';
    const result = validateInterview(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: 'body.1.speakerId' });
  });

  it('refuses unknown node types, extra keys, nesting a turn in a turn, and wrong field types', () => {
    const bad: unknown[] = [
      { ...sample(), body: [{ type: 'script', children: [{ text: 'x' }] }] },
      { ...sample(), extra: true },
      { ...sample(), body: [{ type: 'turn', speakerId: 'p1', children: [{ type: 'turn', speakerId: 'p1', children: [para('x')] }] }] },
      { ...sample(), meta: { ...sample().meta, urgency: 12 } },
      { ...sample(), body: [] },
      { ...sample(), participants: [...sample().participants, sample().participants[0]] },
      { ...sample(), body: [{ type: 'paragraph', children: [{ text: 'x', color: 'red' }] }] },
      'not an object',
    ];
    for (const value of bad) expect(interviewSchema.safeParse(value).success, JSON.stringify(value).slice(0, 80)).toBe(false);
  });
});

describe('normalizeInterview', () => {
  it('stores NFC text everywhere and strips hostile characters', () => {
    const doc = sample();
    doc.meta.headline = 'Kết nạp\u0000 đảng viên'.normalize('NFD');
    doc.participants[1]!.label = 'Ông Nguyễn Thanh Hải'.normalize('NFD');
    (doc.body[0] as { children: { text: string }[] }).children[0]!.text = 'Hà Nội\u0007'.normalize('NFD');
    const out = normalizeInterview(doc);
    expect(out.meta.headline).toBe('Kết nạp đảng viên');
    expect(out.participants[1]!.label).toBe('Ông Nguyễn Thanh Hải');
    expect(out.body[0]).toEqual(para('Hà Nội'));
  });

  it('is idempotent', () => {
    const once = normalizeInterview(sample());
    expect(normalizeInterview(once)).toEqual(once);
  });

  it('merges adjacent text leaves with the same marks', () => {
    const doc = sample();
    doc.body[0] = { type: 'paragraph', children: [{ text: 'a' }, { text: 'b' }, { text: 'c', bold: true }, { text: '' }] };
    expect(normalizeInterview(doc).body[0]).toEqual({ type: 'paragraph', children: [{ text: 'ab' }, { text: 'c', bold: true }] });
  });

  it('gives a turn of an unknown speaker a visible placeholder speaker instead of re-attributing it', () => {
    const doc = sample();
    (doc.body[1] as { speakerId: string }).speakerId = 'p9';
    const out = normalizeInterview(doc);
    expect(out.participants.map((p) => p.id)).toEqual(['p1', 'p2', 'p9']);
    expect(out.participants[2]!.label).toMatch(/^Người nói/);
    expect(validateInterview(out).ok).toBe(true);
  });

  it('keeps a place to type: after a trailing photo, and in a turn holding only photos', () => {
    const doc = sample();
    const photo = (doc.body[2] as { children: unknown[] }).children[1] as Interview['body'][number];
    doc.body = [{ type: 'turn', speakerId: 'p1', children: [photo as never] }, photo];
    const out = normalizeInterview(doc);
    expect(out.body.map((b) => b.type)).toEqual(['turn', 'photo', 'paragraph']);
    expect((out.body[0] as { children: { type: string }[] }).children.map((c) => c.type)).toEqual(['photo', 'paragraph']);
  });

  it('exposes speakers, text and captions to search', () => {
    const text = searchableText(sample());
    for (const needle of ['Long An: Kết nạp đảng viên', 'Phóng viên', 'Thưa ông?', 'Đảng viên Nguyễn Ngọc Hải', 'TTXVN phát', 'Theo chỉ tiêu']) {
      expect(text).toContain(needle);
    }
  });
});
