/**
 * Find in a read-only document (Viewing mode): matches are found and selected as anywhere, but
 * Replace and Replace all change nothing — not the body, not the header, not the undo history —
 * whichever way they are called (the buttons, Enter in the replacement, a stale click).
 */
import fc from 'fast-check';
import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { IS_READ_ONLY } from 'slate-dom';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Meta, Paragraph, Participant } from '../../../../shared/model/schema';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { FindController } from '../../../../renderer/src/find/find-controller';
import type { HeaderChange, StoryFields } from '../../../../renderer/src/find/story-port';
import '../../../../renderer/src/editor/slate-types';

const p = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const PEOPLE: Participant[] = [
  { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
  { id: 'p2', label: 'Ông Hải', fullName: 'Nguyễn Văn Hải', title: '', role: 'interviewee' },
];
const META: Meta = { ...newInterview('x', 'vi').meta, headline: 'Ông Hải: đảng viên trẻ', sapo: 'Đảng viên mới kể chuyện.' };
const BODY: Block[] = [p('Kết nạp đảng viên mới.'), { type: 'turn', speakerId: 'p1', children: [p('Thưa ông, đảng viên trẻ nghĩ gì?')] }, { type: 'turn', speakerId: 'p2', children: [p('Dang vien tre muon vao.')] }];

/** The editor as the document screen has it in Viewing mode: its Editable marked it read-only. */
function viewing(readOnly = true) {
  const editor = withInterview(withHistory(createEditor()));
  editor.children = structuredClone(BODY) as Descendant[];
  IS_READ_ONLY.set(editor, readOnly);
  const headerChanges: HeaderChange[] = [];
  const port: StoryFields = {
    header: () => ({ meta: META, participants: PEOPLE }),
    replace: (change, bodyChange) => {
      headerChanges.push(change);
      bodyChange();
    },
    showParticipants: () => undefined,
  };
  const find = new FindController(editor, () => port);
  find.setFieldView({ select: () => undefined, isSelected: () => true, clear: () => undefined });
  const texts = () => editor.children.map((n) => Node.string(n));
  return { editor, find, headerChanges, texts };
}

describe('find and replace in Viewing mode', () => {
  it('finds and selects matches, but Replace and Replace all change nothing', () => {
    const { editor, find, headerChanges, texts } = viewing();
    expect(find.canReplace()).toBe(false);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    find.open('replace');
    find.setSpeakers(true);
    find.setQuery('dang vien');
    find.setReplacement('thành viên');
    // Headline, sapo, then the body's three.
    expect(find.getState()).toMatchObject({ total: 5 });
    find.next();
    expect(find.getState().current).not.toBeNull();
    find.replace();
    find.replace();
    find.replaceAll();
    expect(texts()).toEqual(['Kết nạp đảng viên mới.', 'Thưa ông, đảng viên trẻ nghĩ gì?', 'Dang vien tre muon vao.']);
    expect(headerChanges).toEqual([]);
    expect(editor.history.undos).toEqual([]);
    expect(find.getState()).toMatchObject({ total: 5, replaced: null });
  });

  it('replaces again once the document is editable (Editing or Suggesting)', () => {
    const { editor, find, texts } = viewing();
    find.open('replace');
    find.setQuery('dang vien');
    find.setReplacement('hội viên');
    find.replaceAll();
    expect(texts()[0]).toBe('Kết nạp đảng viên mới.');
    IS_READ_ONLY.set(editor, false); // switched to Editing
    expect(find.canReplace()).toBe(true);
    find.replaceAll();
    expect(texts()).toEqual(['Kết nạp hội viên mới.', 'Thưa ông, hội viên trẻ nghĩ gì?', 'hội viên tre muon vao.']);
  });

  it('whatever the query, the replacement and the calls, a read-only story stays as it was', () => {
    const word = fc.constantFrom('đảng', 'dang', 'viên', 'Hải', 'ông', 'tre', 'a', ' ', 'đảng viên');
    fc.assert(
      fc.property(word, fc.string({ maxLength: 12 }), fc.array(fc.constantFrom('replace', 'replaceAll', 'next', 'previous'), { maxLength: 8 }), (query, replacement, calls) => {
        const { editor, find, headerChanges } = viewing();
        const before = structuredClone(editor.children);
        find.open('replace');
        find.setSpeakers(true);
        find.setQuery(query);
        find.setReplacement(replacement);
        for (const call of calls) find[call]();
        expect(editor.children).toEqual(before);
        expect(headerChanges).toEqual([]);
        expect(Editor.string(editor, [])).toBe(before.map((n) => Node.string(n)).join(''));
      }),
      { numRuns: 60 },
    );
  });
});
