/**
 * What follows the document's language rather than the UI's: the speakers the app names itself.
 * Changing a document's language renames the default speakers nobody has used or renamed, and
 * never a speaker the text already prints or the writer has touched (no quote may change hands).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newSpeakerLabel, participantsForLanguage, withDocumentLanguage } from '../../../../shared/model/document-language';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview, Language, Participant, Turn } from '../../../../shared/model/schema';

const turn = (speakerId: string, text: string, changedFrom?: string): Turn => ({
  type: 'turn',
  speakerId,
  children: [{ type: 'paragraph', children: [{ text }] }],
  ...(changedFrom ? { changes: [{ id: 's1', field: 'speakerId' as const, from: changedFrom }] } : {}),
});
const labels = (doc: Interview) => doc.participants.map((p) => p.label);

describe('changing the document language', () => {
  it('renames both default speakers of a new interview', () => {
    const vi = newInterview('d', 'vi');
    const en = withDocumentLanguage(vi, 'en');
    expect(en.meta.language).toBe('en');
    expect(labels(en)).toEqual(['Reporter', 'Guest']);
    expect(en.participants.map((p) => p.role)).toEqual(['interviewer', 'interviewee']);
    expect(labels(withDocumentLanguage(en, 'vi'))).toEqual(['Phóng viên', 'Khách mời']);
    // The document it was given is left as it was.
    expect(labels(vi)).toEqual(['Phóng viên', 'Khách mời']);
  });

  it('keeps a default speaker that already has a turn, and renames the one still unused', () => {
    const doc = { ...newInterview('d', 'vi'), body: [turn('p1', 'Thưa ông?')] as Block[] };
    expect(labels(withDocumentLanguage(doc, 'en'))).toEqual(['Phóng viên', 'Guest']);
  });

  it('counts a speaker a pending suggestion replaced as used: rejecting it brings their turn back', () => {
    const doc = { ...newInterview('d', 'vi'), body: [turn('p1', 'Câu trả lời.', 'p2')] as Block[] };
    expect(labels(withDocumentLanguage(doc, 'en'))).toEqual(['Phóng viên', 'Khách mời']);
  });

  it('never renames a speaker the writer renamed or filled in', () => {
    const doc = newInterview('d', 'en');
    doc.participants = [
      { ...doc.participants[0]!, fullName: 'Jane Doe' },
      { ...doc.participants[1]!, label: 'Mr Hải' },
      { id: 'p3', label: 'Guest', fullName: '', title: 'Minister', role: 'interviewee' },
    ];
    const vi = withDocumentLanguage(doc, 'vi');
    expect(vi.participants).toEqual(doc.participants);
    expect(vi.meta.language).toBe('vi');
  });

  it('renames only the participant still under a default’s id and role', () => {
    const doc = newInterview('d', 'vi');
    doc.participants = [{ ...doc.participants[0]!, role: 'interviewee' }, doc.participants[1]!];
    expect(labels(withDocumentLanguage(doc, 'en'))).toEqual(['Phóng viên', 'Guest']);
  });

  it('renames an unused default wherever it sits, keeping its id', () => {
    const doc = newInterview('d', 'vi');
    doc.participants = [{ id: 'x7', label: 'Ông Hải', fullName: '', title: '', role: 'interviewee' }, { id: 'p9', label: 'Khách mời', fullName: '', title: '', role: 'interviewee' }];
    expect(withDocumentLanguage(doc, 'en').participants).toEqual([
      { id: 'x7', label: 'Ông Hải', fullName: '', title: '', role: 'interviewee' },
      { id: 'p9', label: 'Guest', fullName: '', title: '', role: 'interviewee' },
    ]);
  });

  it('changes nothing when the language stays', () => {
    const doc = newInterview('d', 'vi');
    expect(withDocumentLanguage(doc, 'vi')).toBe(doc);
  });

  it('names a speaker added by hand in the document’s language', () => {
    expect(newSpeakerLabel('vi', 3)).toBe('Người nói 3');
    expect(newSpeakerLabel('en', 3)).toBe('Speaker 3');
  });
});

// --- Properties over documents made from a new interview, then used and edited by a writer ---

const language = fc.constantFrom<Language>('vi', 'en');
/** Each default speaker: left alone, renamed, filled in, or given a different role. */
const touch = fc.constantFrom('none', 'none', 'label', 'fullName', 'title', 'role');
const writerDocument = fc
  .record({
    from: language,
    touches: fc.tuple(touch, touch),
    // Added speakers (interviewees) whose labels are not an interviewee's default name.
    extra: fc.array(fc.constantFrom('Ông Hải', 'Reporter', 'Phóng viên', 'Bà Mai'), { maxLength: 2 }),
    turns: fc.array(fc.record({ speaker: fc.nat(3), changedFrom: fc.option(fc.nat(3), { nil: undefined }) }), { maxLength: 4 }),
  })
  .map(({ from, touches, extra, turns }) => {
    const doc = newInterview('d', from);
    doc.participants = doc.participants.map((p, i): Participant => {
      switch (touches[i]) {
        case 'label':
          return { ...p, label: 'Ông Nguyễn Thanh Hải' };
        case 'fullName':
          return { ...p, fullName: 'Nguyễn Thanh Hải' };
        case 'title':
          return { ...p, title: 'Bí thư' };
        case 'role':
          return { ...p, role: p.role === 'interviewer' ? 'interviewee' : 'interviewer' };
        default:
          return p;
      }
    });
    extra.forEach((label, i) => doc.participants.push({ id: `x${i}`, label, fullName: '', title: '', role: 'interviewee' }));
    const ids = doc.participants.map((p) => p.id);
    doc.body = turns.map((t, i) => turn(ids[t.speaker % ids.length]!, `Câu ${i}`, t.changedFrom === undefined ? undefined : ids[t.changedFrom % ids.length]));
    return doc;
  });

/** The names the app gives the speakers of a new interview, in both languages, by role. */
const DEFAULT_NAMES = { interviewer: ['Phóng viên', 'Reporter'], interviewee: ['Khách mời', 'Guest'] };

const speakingIds = (doc: Interview) => new Set(doc.body.flatMap((b) => (b.type === 'turn' ? [b.speakerId, ...(b.changes ?? []).map((c) => c.from)] : [])));

describe('properties', () => {
  it('every speaker the text names keeps exactly its label and details; ids, order and roles never change', () => {
    fc.assert(
      fc.property(writerDocument, language, (doc, to) => {
        const next = withDocumentLanguage(doc, to);
        expect(next.body).toBe(doc.body);
        expect(next.participants.map((p) => [p.id, p.role])).toEqual(doc.participants.map((p) => [p.id, p.role]));
        const speaking = speakingIds(doc);
        for (const [i, p] of doc.participants.entries()) {
          const after = next.participants[i]!;
          if (speaking.has(p.id)) expect(after).toEqual(p);
          // Only a label ever changes, and only to one of the two default names.
          expect({ ...after, label: '' }).toEqual({ ...p, label: '' });
          if (after.label !== p.label) expect(['Reporter', 'Guest', 'Phóng viên', 'Khách mời']).toContain(after.label);
        }
      }),
    );
  });

  it('a speaker the writer touched is never renamed', () => {
    fc.assert(
      fc.property(writerDocument, language, (doc, to) => {
        const next = withDocumentLanguage(doc, to);
        for (const [i, p] of doc.participants.entries()) {
          const asTheAppNamesIt = DEFAULT_NAMES[p.role].includes(p.label) && p.fullName === '' && p.title === '';
          if (!asTheAppNamesIt) expect(next.participants[i]).toEqual(p);
        }
      }),
    );
  });

  it('changing the language and back gives the same speakers; changing twice is changing once', () => {
    fc.assert(
      fc.property(writerDocument, language, (doc, to) => {
        const there = withDocumentLanguage(doc, to);
        expect(withDocumentLanguage(there, doc.meta.language).participants).toEqual(doc.participants);
        expect(withDocumentLanguage(there, to)).toBe(there);
        expect(participantsForLanguage(there.participants, there.body, to)).toBe(there.participants);
      }),
    );
  });
});
