/**
 * The paste plugin on a Slate editor without a browser: the clipboard is a stand-in object and the
 * document around the editor (participants, metadata) is a small fake of DocumentEditor's.
 * HTML paste needs DOMParser and is covered end to end (tests/e2e/paste.spec.ts).
 */
import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { IS_COMPOSING } from 'slate-dom';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { importedInterview } from '../../../../../shared/import/accept-import';
import { importAgencyText } from '../../../../../shared/import/agency-text';
import { applyPreviewEdit, initialDraft } from '../../../../../shared/import/preview-edits';
import { newInterview } from '../../../../../shared/model/factory';
import { adoptIncomingSpeakers, mergeParticipants, speakerIdsInUse } from '../../../../../shared/model/participants';
import type { Block, Meta, Participant, Photo, Turn } from '../../../../../shared/model/schema';
import { validateInterview } from '../../../../../shared/model/validate';
import { setEditorEnv } from '../../../../../renderer/src/editor/editor-context';
import { importOffers } from '../../../../../renderer/src/editor/paste/import-offers';
import { acceptPastedImport } from '../../../../../renderer/src/editor/paste/insert-pasted';
import { pasteNotices } from '../../../../../renderer/src/editor/paste/paste-notices';
import { withPaste } from '../../../../../renderer/src/editor/paste/with-paste';
import { withInterview } from '../../../../../renderer/src/editor/with-interview';
import '../../../../../renderer/src/editor/slate-types';

import { fixtureInterviewText as agencyText } from '../../../../helpers/material';

const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, text: string): Turn => ({ type: 'turn', speakerId, children: [p(text)] });
const encode = (value: unknown) => btoa(encodeURIComponent(JSON.stringify(value)));
const SPEAKERS = 'application/x-interview-desk-speakers';

/** An editor inside a fake document: what the plugin adopts is recorded here. */
function setup(body: Descendant[], language: 'vi' | 'en' = 'vi') {
  const doc = { participants: newInterview('d', language).participants as Participant[], meta: newInterview('d', language).meta as Meta };
  const passedOn: string[] = [];
  const editor = withHistory(createEditor());
  // What Slate's own insertData would do; the plugin falls through to it for fragments and files.
  editor.insertData = (data) => passedOn.push(data.getData('text/plain') || '(no text)');
  // What slate-react's copy does: the selected blocks, encoded, as the fragment.
  editor.setFragmentData = (data) => data.setData('application/x-slate-fragment', encode(Node.fragment(editor, editor.selection!)));
  withPaste(withInterview(editor));
  setEditorEnv(editor, {
    participants: doc.participants,
    participantsNow: () => doc.participants,
    language,
    adoptParticipants: (incoming, options) => {
      const merged = options?.replaceUnusedDefaults ? adoptIncomingSpeakers(doc.participants, incoming, speakerIdsInUse(editor.children as Block[])) : mergeParticipants(doc.participants, incoming);
      doc.participants = merged.participants;
      return merged.idMap;
    },
    adoptMeta: (meta: Partial<Meta>) => {
      for (const [k, v] of Object.entries(meta)) if ((doc.meta as Record<string, unknown>)[k] === '') (doc.meta as Record<string, unknown>)[k] = v;
    },
    metaNow: () => doc.meta,
    // As DocumentEditor does: the participants first, then the body.
    takeImported: (content, insertBody) => {
      doc.meta = content.meta;
      doc.participants = content.participants;
      insertBody();
    },
  });
  editor.children = body;
  Editor.normalize(editor, { force: true });
  Transforms.select(editor, Editor.end(editor, []));
  /** The document as the app would save it. */
  const saved = () => ({ ...newInterview('d', language), meta: doc.meta, participants: doc.participants, body: editor.children as Block[] });
  return { editor, doc, passedOn, saved };
}

function clipboard(types: Record<string, string>, files: File[] = []): DataTransfer {
  return { getData: (t: string) => types[t] ?? '', types: Object.keys(types), files } as unknown as DataTransfer;
}

const turns = (editor: Editor) => (editor.children as Block[]).filter((b): b is Turn => b.type === 'turn');
const photoCount = (editor: Editor) => (editor.children as Block[]).flatMap((b) => (b.type === 'photo' ? [b] : b.type === 'turn' ? b.children.filter((c): c is Photo => c.type === 'photo') : [])).length;
const texts = (editor: Editor) => (editor.children as Block[]).map((b) => Node.string(b));

describe('pasting the agency layout', () => {
  it('into an empty interview: the import preview first, nothing pasted until it is accepted', () => {
    const { editor, doc } = setup([p('')]);
    editor.insertData(clipboard({ 'text/plain': agencyText() }));
    const offered = importOffers(editor).get();
    expect(offered?.report.turns).toHaveLength(9);
    expect(editor.children).toEqual([p('')]);
    expect(doc.participants).toEqual(newInterview('d', 'vi').participants);
    expect(pasteNotices(editor).get()).toBeNull();
  });

  it('accepted, the empty interview becomes what Import makes of the text: 9 turns, 3 photos, its speakers instead of the defaults, its metadata', () => {
    const { editor, doc, saved } = setup([p('')], 'en');
    editor.insertData(clipboard({ 'text/plain': agencyText() }));
    const offered = importOffers(editor).get()!;
    expect(acceptPastedImport(editor, offered, initialDraft(offered))).toBeNull();
    expect(importOffers(editor).get()).toBeNull();

    expect(turns(editor)).toHaveLength(9);
    expect(photoCount(editor)).toBe(3);
    // Alt+1 and Alt+2 are the text's reporter and interviewee; no unused "Reporter"/"Guest" beside them.
    expect(doc.participants.map((x) => [x.id, x.label])).toEqual([
      ['p1', 'Phóng viên'],
      ['p2', 'Ông Phạm Văn Thành'],
    ]);
    expect(turns(editor).map((t) => t.speakerId)).toEqual(['p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1']);
    // The text's language (the screen here is English), its header and dateline.
    expect(doc.meta).toMatchObject({
      language: 'vi',
      section: 'Nông nghiệp - Nông thôn',
      headline: 'Quảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra',
      location: 'Quảng Ngãi',
      byline: 'Minh Trang',
      source: 'TTXVN',
    });
    expect((editor.children[0] as Block).type).toBe('photo');
    expect(texts(editor)[1]).toMatch(/^TTXVN - Những năm gần đây/);
    expect(validateInterview(saved()).ok).toBe(true);
    // Exactly what Import would store (ids aside).
    const imported = importedInterview(importAgencyText(agencyText()), initialDraft(offered));
    expect({ meta: doc.meta, participants: doc.participants, body: editor.children }).toEqual({ meta: imported.meta, participants: imported.participants, body: imported.body });
  });

  it('the speakers as corrected in the preview: one turn given to the other speaker', () => {
    const { editor, doc } = setup([p('')]);
    editor.insertData(clipboard({ 'text/plain': agencyText() }));
    const offered = importOffers(editor).get()!;
    acceptPastedImport(editor, offered, applyPreviewEdit(initialDraft(offered), { type: 'turnSpeaker', turn: 8, speakerId: 'p2' }));
    expect(turns(editor).map((t) => t.speakerId)).toEqual(['p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p2']);
    expect(doc.participants.map((x) => x.label)).toEqual(['Phóng viên', 'Ông Phạm Văn Thành']);
  });

  it('keeps metadata already typed, and reads decomposed (NFD) text as the same speakers', () => {
    const { editor, doc } = setup([p('')]);
    doc.meta.headline = 'Typed first';
    editor.insertData(clipboard({ 'text/plain': agencyText().normalize('NFD') }));
    const offered = importOffers(editor).get()!;
    acceptPastedImport(editor, offered, initialDraft(offered));
    expect(doc.meta.headline).toBe('Typed first');
    expect(doc.meta.section).toBe('Nông nghiệp - Nông thôn');
    expect(doc.participants.map((x) => x.label)).toEqual(['Phóng viên', 'Ông Phạm Văn Thành']);
  });

  it('written in while the preview was open: the accepted interview goes in at the caret, nothing typed is lost', () => {
    const { editor } = setup([p('')]);
    editor.insertData(clipboard({ 'text/plain': 'PV: Hỏi?\n\nÔng A: Đáp.' }));
    const offered = importOffers(editor).get()!;
    editor.insertText('Đã gõ.');
    acceptPastedImport(editor, offered, initialDraft(offered));
    expect(texts(editor)).toEqual(['Đã gõ.', 'Hỏi?', 'Đáp.']);
  });

  it('into a written interview: turns at the caret, header kept as paragraphs, metadata untouched', () => {
    const { editor, doc, saved } = setup([p('TTXVN - Đã có phần mở đầu.'), { type: 'turn', speakerId: 'p1', children: [p('Câu hỏi cũ?')] }]);
    Transforms.select(editor, Editor.end(editor, [0]));
    editor.insertData(clipboard({ 'text/plain': agencyText() }));

    expect(doc.meta.headline).toBe('');
    const all = texts(editor);
    expect(all[0]).toBe('TTXVN - Đã có phần mở đầu.');
    expect(all.slice(1, 5)).toEqual(['Nông nghiệp - Nông thôn', 'Quảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra', 'Quảng Ngãi', expect.stringMatching(/^Các cấp ủy, chính quyền tỉnh Quảng Ngãi/)]);
    expect(turns(editor)).toHaveLength(10);
    expect(all[all.length - 2]).toBe('Minh Trang');
    expect(all[all.length - 1]).toBe('Câu hỏi cũ?');
    // The default guest no turn named gave way to the text's interviewee; the reporter, in use, stayed.
    expect(doc.participants.map((x) => [x.id, x.label])).toEqual([
      ['p1', 'Phóng viên'],
      ['p2', 'Ông Phạm Văn Thành'],
    ]);
    expect(validateInterview(saved()).ok).toBe(true);
  });

  it('in the middle of a paragraph: the paragraph is split around the pasted turns', () => {
    const { editor } = setup([p('Đầu đoạn. Cuối đoạn.')]);
    Transforms.select(editor, { path: [0, 0], offset: 'Đầu đoạn.'.length });
    editor.insertData(clipboard({ 'text/plain': 'PV: Hỏi?\n\nÔng A: Đáp.\n\nPV: Cảm ơn.\n\nÔng A: Không có gì.' }));
    expect(texts(editor)).toEqual(['Đầu đoạn.', 'Hỏi?', 'Đáp.', 'Cảm ơn.', 'Không có gì.', ' Cuối đoạn.']);
  });
});

describe('pasting other text', () => {
  it('a single line goes in at the caret, cleaned of control characters', () => {
    const { editor } = setup([p('Xin chào')]);
    editor.insertData(clipboard({ 'text/plain': ' các\u0007 bạn\u200B' }));
    expect(texts(editor)).toEqual(['Xin chào các bạn']);
  });

  it('several lines become paragraphs, inside the turn at the caret', () => {
    const { editor } = setup([{ type: 'turn', speakerId: 'p2', children: [p('Trả lời: ')] }]);
    editor.insertData(clipboard({ 'text/plain': 'dòng một\r\n\r\ndòng hai\ndòng ba' }));
    expect(editor.children).toEqual([{ type: 'turn', speakerId: 'p2', children: [p('Trả lời: dòng một'), p('dòng hai'), p('dòng ba')] }]);
  });

  it('hard-wrapped text becomes one paragraph per blank-line block', () => {
    const wrapped = [
      'The council met on Monday to discuss the harbour and the plan for the',
      'new quay, which has been delayed by two years of legal disputes.',
      '',
      'A decision is expected in the autumn, after a second round of public',
      'consultation in the town hall and online.',
    ].join('\n');
    const { editor } = setup([p('')], 'en');
    editor.insertData(clipboard({ 'text/plain': wrapped }));
    expect(texts(editor)).toEqual([
      'The council met on Monday to discuss the harbour and the plan for the new quay, which has been delayed by two years of legal disputes.',
      'A decision is expected in the autumn, after a second round of public consultation in the town hall and online.',
    ]);
  });
});

describe('what the plugin leaves alone or refuses', () => {
  it('text that makes more blocks than one paste may bring is refused before it is inserted', () => {
    const { editor } = setup([p('Giữ nguyên.')]);
    const lines = Array.from({ length: 6_000 }, (_, i) => `dòng ${i}`).join('\n');
    editor.insertData(clipboard({ 'text/plain': lines }));
    expect(texts(editor)).toEqual(['Giữ nguyên.']);
    expect(pasteNotices(editor).get()).toEqual({ kind: 'too_many_blocks', count: 6_000, max: 5_000 });
  });

  it('a 10 MB paste inserts nothing and says why', () => {
    const { editor, doc } = setup([p('Giữ nguyên.')]);
    const before = structuredClone(editor.children);
    editor.insertData(clipboard({ 'text/plain': 'x'.repeat(10 * 1024 * 1024) }));
    expect(editor.children).toEqual(before);
    expect(pasteNotices(editor).get()).toEqual({ kind: 'too_large', size: 10 * 1024 * 1024, max: 500_000 });
    expect(doc.meta.headline).toBe('');
    // The next paste that works clears the message.
    editor.insertData(clipboard({ 'text/plain': ' Thêm.' }));
    expect(pasteNotices(editor).get()).toBeNull();
    expect(texts(editor)).toEqual(['Giữ nguyên. Thêm.']);
  });

  it('more paragraphs than a turn can hold are refused, not half inserted', () => {
    const { editor } = setup([{ type: 'turn', speakerId: 'p2', children: [p('')] }]);
    const lines = Array.from({ length: 2_100 }, (_, i) => `dòng ${i}`).join('\n');
    editor.insertData(clipboard({ 'text/plain': lines }));
    expect(editor.children).toEqual([{ type: 'turn', speakerId: 'p2', children: [p('')] }]);
    expect(pasteNotices(editor).get()).toEqual({ kind: 'too_many_parts' });
  });

  it('image files without text fall through to the next plugin', () => {
    const { editor, passedOn } = setup([p('')]);
    editor.insertData(clipboard({}, [new File([new Uint8Array([1])], 'a.png', { type: 'image/png' })]));
    expect(passedOn).toEqual(['(no text)']);
  });

  it('the app’s own copied blocks are inserted by Slate; a forged fragment is pasted as text', () => {
    const { editor, passedOn } = setup([p('')]);
    editor.insertData(clipboard({ 'application/x-slate-fragment': encode([p('Của chính ứng dụng')]), 'text/plain': 'Của chính ứng dụng' }));
    expect(passedOn).toEqual(['Của chính ứng dụng']);

    editor.insertData(clipboard({ 'application/x-slate-fragment': encode([{ type: 'script', children: [{ text: 'x' }] }]), 'text/plain': 'chỉ là chữ' }));
    expect(passedOn).toHaveLength(1);
    expect(texts(editor)).toEqual(['chỉ là chữ']);
  });

  it('a copy across turns goes in as turns, each word with the speaker who said it', () => {
    const { editor, passedOn, doc } = setup([turn('p1', 'Thưa ông, kết quả ra sao?'), turn('p2', 'Vượt chỉ tiêu.')]);
    const copied = [turn('p1', 'kết quả ra sao?'), turn('p2', 'Vượt chỉ')];
    const speakers = doc.participants.filter((x) => x.id === 'p1' || x.id === 'p2');
    // The caret in the middle of the answer: the copy must not become the answerer's words.
    Transforms.select(editor, { path: [1, 0, 0], offset: 5 });
    editor.insertData(clipboard({ 'application/x-slate-fragment': encode(copied), [SPEAKERS]: JSON.stringify(speakers), 'text/plain': 'kết quả ra sao?\nVượt chỉ' }));
    expect(passedOn).toEqual([]);
    expect(turns(editor).map((t) => [t.speakerId, Node.string(t)])).toEqual([
      ['p1', 'Thưa ông, kết quả ra sao?'],
      ['p2', 'Vượt '],
      ['p1', 'kết quả ra sao?'],
      ['p2', 'Vượt chỉ'],
      ['p2', 'chỉ tiêu.'],
    ]);
  });

  it('turns copied from another interview keep their speakers by name, not by an id that means someone else here', () => {
    const { editor, doc, saved } = setup([turn('p1', 'Câu hỏi.')]);
    // In the other interview p2 is a minister; here p2 is the default guest.
    const minister = { id: 'p2', label: 'Bộ trưởng Lê Văn Tám', fullName: 'Lê Văn Tám', title: 'Bộ trưởng', role: 'interviewee' as const };
    const reporter = doc.participants.find((x) => x.id === 'p1')!;
    editor.insertData(clipboard({ 'application/x-slate-fragment': encode([turn('p1', 'Thưa ông?'), turn('p2', 'Đúng vậy.')]), [SPEAKERS]: JSON.stringify([reporter, minister]), 'text/plain': 'Thưa ông?\nĐúng vậy.' }));
    const answer = turns(editor).find((t) => Node.string(t) === 'Đúng vậy.')!;
    expect(doc.participants.find((x) => x.id === answer.speakerId)?.label).toBe('Bộ trưởng Lê Văn Tám');
    expect(turns(editor).find((t) => Node.string(t) === 'Thưa ông?')?.speakerId).toBe('p1');
    expect(validateInterview(saved()).ok).toBe(true);
  });

  it('a copy across turns whose speakers did not come with it goes through the importer, which reads the labels in its text', () => {
    const { editor, passedOn, doc } = setup([turn('p1', 'Câu hỏi.')]);
    editor.insertData(clipboard({ 'application/x-slate-fragment': encode([turn('p1', 'Thưa ông?'), turn('p2', 'Đúng vậy.')]), 'text/plain': 'Phóng viên: Thưa ông?\n\nÔng Lê Văn Tám: Đúng vậy.' }));
    expect(passedOn).toEqual([]);
    const answer = turns(editor).find((t) => Node.string(t) === 'Đúng vậy.')!;
    expect(doc.participants.find((x) => x.id === answer.speakerId)?.label).toBe('Ông Lê Văn Tám');
  });

  it('a copy within one turn is words, pasted by Slate where the caret is', () => {
    const { editor, passedOn, doc } = setup([turn('p1', 'Câu hỏi.'), turn('p2', 'Trả lời.')]);
    editor.insertData(clipboard({ 'application/x-slate-fragment': encode([turn('p2', 'Trả')]), [SPEAKERS]: JSON.stringify(doc.participants.slice(1, 2)), 'text/plain': 'Trả' }));
    expect(passedOn).toEqual(['Trả']);
  });

  it('on copy, the speakers of the copied turns are put beside the fragment', () => {
    const { editor, doc } = setup([turn('p1', 'Câu hỏi.'), turn('p2', 'Trả lời.')]);
    const store: Record<string, string> = {};
    const data = { getData: (t: string) => store[t] ?? '', setData: (t: string, v: string) => void (store[t] = v) } as unknown as DataTransfer;
    Transforms.select(editor, { anchor: { path: [0, 0, 0], offset: 0 }, focus: { path: [1, 0, 0], offset: 3 } });
    editor.setFragmentData(data);
    expect(JSON.parse(store[SPEAKERS]!)).toEqual(doc.participants.filter((x) => x.id === 'p1' || x.id === 'p2'));
  });

  it('while an input method is composing, the data goes to Slate untransformed', () => {
    const { editor, passedOn } = setup([p('')]);
    IS_COMPOSING.set(editor, true);
    editor.insertData(clipboard({ 'text/plain': 'PV: Hỏi?\n\nÔng A: Đáp.' }));
    IS_COMPOSING.set(editor, false);
    expect(passedOn).toEqual(['PV: Hỏi?\n\nÔng A: Đáp.']);
    expect(turns(editor)).toHaveLength(0);
  });
});
