/**
 * Find and replace over the whole story: the headline, subheadline and sapo, the speakers' labels
 * (when asked), the body, and the photos' caption, credit and alt text in their places. Replace all
 * says where it replaced and is one undo step over the body and the header together, in Editing
 * mode and, as suggestions, in Suggesting mode.
 */
import fc from 'fast-check';
import { createEditor, Editor, Element, Node, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview, Meta, Paragraph, Participant, Photo } from '../../../../shared/model/schema';
import { acceptAll, listPending, rejectAll, type Author } from '../../../../shared/review';
import { foldQuery, type FoldOptions } from '../../../../shared/text/fold-map';
import { attachDocumentHistory, type DocState } from '../../../../renderer/src/document/document-history';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { FindController, type FieldView } from '../../../../renderer/src/find/find-controller';
import { MatchFinder, matchRange, type FieldMatch, type Match } from '../../../../renderer/src/find/find-matches';
import type { HeaderChange, StoryFields } from '../../../../renderer/src/find/story-port';
import { suggestMeta } from '../../../../renderer/src/review/meta-suggestions';
import { replaceBody } from '../../../../renderer/src/review/replace-body';
import { setReviewEnv } from '../../../../renderer/src/review/review-env';
import { ReviewRecords } from '../../../../renderer/src/review/review-records';
import { withSuggestions } from '../../../../renderer/src/review/with-suggestions';
import '../../../../renderer/src/editor/slate-types';

const loose: FoldOptions = { ignoreDiacritics: true, matchCase: false };
const p = (...leaves: (string | { text: string; bold?: true })[]): Paragraph => ({ type: 'paragraph', children: leaves.map((l) => (typeof l === 'string' ? { text: l } : l)) });
const photo = (caption: string, credit = '', alt = ''): Photo => ({ type: 'photo', assetId: null, caption, credit, alt, children: [{ text: '' }] });
const turn = (speakerId: string, ...children: (Paragraph | Photo)[]): Block => ({ type: 'turn', speakerId, children });

const PEOPLE: Participant[] = [
  { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
  { id: 'p2', label: 'Ông Nguyễn Văn Hải', fullName: 'Nguyễn Văn Hải', title: '', role: 'interviewee' },
];

const META: Meta = { ...newInterview('x', 'vi').meta, headline: 'Ông Hải: đảng viên trẻ', subheadline: 'Bí thư Hải', sapo: 'Ông Nguyễn Văn Hải kể về đảng viên mới.', byline: 'Hải Lan' };

const BODY: Block[] = [
  p('TTXVN - Long An có nhiều đảng viên trẻ.'),
  turn('p1', p('Thưa ông Hải, vì sao?')),
  turn('p2', p('Vì ', { text: 'thanh niên', bold: true }, ' muốn vào.'), photo('Ông Hải tại buổi lễ', 'Hải Lan', 'Ông Hải phát biểu'), p('Hết.')),
  p('Kết bài.'),
];

const EDITOR: Author = { id: 'ed-1', name: 'Minh' };

/**
 * An editor, the document history and a story port that behaves as the document screen's: the
 * header lives outside Slate, and a replacement is one document step (DocumentEditor.tsx).
 */
function harness(body: Block[], options: { meta?: Meta; participants?: Participant[]; mode?: 'editing' | 'suggesting' } = {}) {
  const mode = options.mode ?? 'editing';
  const base: Interview = { ...newInterview('doc1', 'vi'), meta: options.meta ?? META, participants: options.participants ?? PEOPLE, body };
  let n = 0;
  const records = new ReviewRecords(base, () => `s${++n}`, () => '2026-01-02T03:04:05.000Z');
  const editor = withSuggestions(withInterview(withHistory(createEditor())));
  editor.children = structuredClone(body) as Descendant[];
  Editor.normalize(editor, { force: true });
  const history = attachDocumentHistory(editor);
  let state: DocState = { meta: base.meta, participants: base.participants, comments: [], metaChanges: [] };
  history.setApply((next) => {
    state = { ...state, ...next, metaChanges: next.metaChanges ?? state.metaChanges };
  });
  const doc = (): Interview => records.attachTo({ ...base, meta: state.meta, participants: state.participants, body: editor.children as Block[], review: { suggestions: [], metaChanges: state.metaChanges ?? [] } });
  setReviewEnv(editor, {
    mode: () => mode,
    author: () => EDITOR,
    record: (id) => records.get(id),
    open: (kind) => records.open(kind, EDITOR),
    document: doc,
    commit: (next, commitOptions) => {
      records.adopt(next);
      replaceBody(editor, next.body, commitOptions);
    },
  });
  const shown: { match: FieldMatch; focus: boolean }[] = [];
  let participantsShown = 0;
  const port: StoryFields = {
    header: () => ({ meta: state.meta, participants: state.participants }),
    replace: (change: HeaderChange, bodyChange: () => void) => {
      const before = state;
      let meta = { ...before.meta, ...change.meta };
      let metaChanges = before.metaChanges ?? [];
      if (mode === 'suggesting') {
        let d = doc();
        for (const [field, value] of Object.entries(change.meta)) d = suggestMeta(d, field as keyof Meta, value, EDITOR)!;
        records.adopt(d);
        meta = d.meta;
        metaChanges = d.review?.metaChanges ?? [];
      }
      const participants = before.participants.map((q) => (change.labels[q.id] !== undefined ? { ...q, label: change.labels[q.id]! } : q));
      history.record(before, { ...before, meta, metaChanges, participants }, { editorChange: bodyChange });
    },
    showParticipants: () => void participantsShown++,
  };
  const find = new FindController(editor, () => port);
  const view: FieldView = { select: (match, focus) => void shown.push({ match, focus }), isSelected: () => true, clear: () => undefined };
  find.setFieldView(view);
  /** The user types in a header field (a plain edit outside Slate, as MetaFields makes it). */
  const typeInHeader = (patch: Partial<Meta>) => {
    state = { ...state, meta: { ...state.meta, ...patch } };
  };
  return { editor, history, find, shown, doc, state: () => state, participantsShown: () => participantsShown, typeInHeader };
}

/** Where a match is, in words a reader would use. */
const where = (m: Match) => (m.kind === 'text' ? `text ${m.path.join('.')}` : m.place.kind === 'photo' ? `${m.place.field} ${m.place.path.join('.')}` : m.place.kind === 'meta' ? m.place.field : `label ${m.place.participantId}`);
const textOf = (editor: Editor, m: Match) => (m.kind === 'text' ? Editor.string(editor, matchRange(m)) : m.value.slice(m.start, m.end));
const bodyTexts = (editor: Editor) => Array.from(Node.nodes(editor)).flatMap(([n]) => (Element.isElement(n) && n.type === 'paragraph' ? [Node.string(n)] : Element.isElement(n) && n.type === 'photo' ? [n.caption, n.credit, n.alt] : []));

describe('matches in the whole story', () => {
  it('come in reading order: headline, subheadline, sapo, speakers when asked, then the body with each photo in its place', () => {
    const header = { meta: META, speakers: PEOPLE };
    const { matches } = new MatchFinder().find(BODY as Descendant[], 'hai', loose, header);
    expect(matches.map(where)).toEqual([
      'headline',
      'subheadline',
      'sapo',
      'label p2',
      'text 1.0',
      'caption 2.1',
      'credit 2.1',
      'alt 2.1',
    ]);
    expect(matches.map((m) => m.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The byline is not searched; without speakers, no label.
    expect(new MatchFinder().find(BODY as Descendant[], 'hai', loose, { meta: META, speakers: [] }).matches.map(where)).not.toContain('label p2');
  });
});

describe('FindController over the story', () => {
  it('a word only in a caption is found, and Next selects it in the caption field', () => {
    const { find, shown } = harness(BODY);
    find.open('find');
    find.setQuery('buoi le');
    expect(find.getState()).toMatchObject({ total: 1, current: 0 });
    expect(shown.at(-1)).toMatchObject({ match: { place: { kind: 'photo', field: 'caption', path: [2, 1] }, start: 12, end: 19 }, focus: false });
    find.next();
    expect(shown.at(-1)).toMatchObject({ match: { place: { kind: 'photo', field: 'caption' } }, focus: true });
  });

  it('Next walks headline → subheadline → sapo → body → caption → credit → alt, then wraps', () => {
    const { find, shown, editor } = harness(BODY);
    find.open('find');
    find.setQuery('Hải'); // no caret: from the start of the story
    const walked = [where(shown.at(-1)!.match)];
    for (let i = 0; i < 6; i++) {
      find.next();
      const last = shown.at(-1)!;
      walked.push(find.getState().current === 3 ? `text ${Editor.string(editor, editor.selection!)}` : where(last.match));
    }
    expect(walked).toEqual(['headline', 'subheadline', 'sapo', 'text Hải', 'caption 2.1', 'credit 2.1', 'alt 2.1']);
    find.next();
    expect(find.getState().current).toBe(0);
    expect(shown.at(-1)!.focus).toBe(true);
  });

  it('after a field match, a click in the body makes Next go on from the caret', () => {
    const { find, editor } = harness(BODY);
    find.open('find');
    find.setQuery('Hải');
    expect(find.getState().current).toBe(0); // the headline
    Transforms.select(editor, { path: [2, 0, 0], offset: 0 }); // the user clicks into the answer
    find.next();
    expect(find.getState().current).toBe(4); // the photo's caption, after the caret
  });

  it('Replace all replaces everywhere, says where, and one undo restores everything', () => {
    const { find, editor, state, history } = harness(BODY);
    const before = { meta: state().meta, body: bodyTexts(editor) };
    find.open('replace');
    find.setQuery('Hải');
    find.setReplacement('Hà');
    find.replaceAll();
    expect(find.getState().replaced).toEqual({
      total: 7,
      where: [
        { place: 'text', count: 1 },
        { place: 'headline', count: 1 },
        { place: 'subheadline', count: 1 },
        { place: 'sapo', count: 1 },
        { place: 'caption', count: 1 },
        { place: 'credit', count: 1 },
        { place: 'alt', count: 1 },
      ],
    });
    expect(state().meta).toMatchObject({ headline: 'Ông Hà: đảng viên trẻ', subheadline: 'Bí thư Hà', sapo: 'Ông Nguyễn Văn Hà kể về đảng viên mới.', byline: 'Hải Lan' });
    expect(bodyTexts(editor)).toContain('Thưa ông Hà, vì sao?');
    expect(bodyTexts(editor)).toEqual(expect.arrayContaining(['Ông Hà tại buổi lễ', 'Hà Lan', 'Ông Hà phát biểu']));
    expect(state().participants[1]!.label).toBe('Ông Nguyễn Văn Hải'); // speaker names are off by default
    expect(find.getState().total).toBe(0);

    editor.undo();
    expect(state().meta).toEqual(before.meta);
    expect(bodyTexts(editor)).toEqual(before.body);
    expect(history.canUndo).toBe(false);
    editor.redo();
    expect(state().meta.headline).toBe('Ông Hà: đảng viên trẻ');
    expect(bodyTexts(editor)).toContain('Hà Lan');
  });

  it('speaker names only when asked; a label is never emptied', () => {
    const { find, state } = harness(BODY);
    find.open('replace');
    find.setQuery('Ông Nguyễn Văn Hải');
    expect(find.getState().total).toBe(1); // the sapo
    find.setSpeakers(true);
    expect(find.getState().total).toBe(2);
    find.setReplacement('Ông Hải');
    find.replaceAll();
    expect(find.getState().replaced?.where).toEqual([
      { place: 'sapo', count: 1 },
      { place: 'speaker', count: 1 },
    ]);
    expect(state().participants[1]!.label).toBe('Ông Hải');

    find.setQuery('Phóng viên');
    find.setReplacement('');
    find.replaceAll();
    expect(state().participants[0]!.label).toBe('Phóng viên');
    expect(find.getState().replaced).toEqual({ total: 0, where: [] });
  });

  it('a header field edited after the search is searched again before replacing: no edit is lost', () => {
    const { find, state, typeInHeader } = harness(BODY);
    find.open('replace');
    find.setQuery('Hải');
    find.setReplacement('Hà');
    typeInHeader({ headline: 'Ông Hải và bà Hải' });
    find.replaceAll();
    expect(state().meta.headline).toBe('Ông Hà và bà Hà');
    expect(find.getState().replaced?.where.find((w) => w.place === 'headline')).toEqual({ place: 'headline', count: 2 });
  });

  it('Replace in a field replaces the selected match there, as one step, and moves on', () => {
    const { find, state, editor } = harness(BODY);
    find.open('replace');
    find.setQuery('đảng viên');
    find.setReplacement('Đảng viên');
    expect(find.getState().current).toBe(0); // the headline
    find.replace();
    expect(state().meta.headline).toBe('Ông Hải: Đảng viên trẻ');
    expect(state().meta.sapo).toBe('Ông Nguyễn Văn Hải kể về đảng viên mới.');
    // The headline now reads the replacement, still a match; the sapo's comes next.
    expect(find.getState().current).toBe(1);
    find.replace();
    expect(state().meta.sapo).toBe('Ông Nguyễn Văn Hải kể về Đảng viên mới.');
    editor.undo();
    expect(state().meta.sapo).toBe('Ông Nguyễn Văn Hải kể về đảng viên mới.');
    expect(state().meta.headline).toBe('Ông Hải: Đảng viên trẻ');
  });

  it('in Suggesting mode Replace all becomes suggestions in the text, the caption and the header; rejecting them restores the text', () => {
    const { find, doc, editor } = harness(BODY, { mode: 'suggesting' });
    find.open('replace');
    find.setQuery('Hải');
    find.setReplacement('Hà');
    find.replaceAll();
    expect(find.getState().replaced?.total).toBe(7);
    const suggested = doc();
    const kinds = listPending(suggested).map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['replaceText', 'setPhotoText', 'setMeta']));
    expect(listPending(suggested).every((s) => s.authorName === 'Minh')).toBe(true);
    const accepted = acceptAll(suggested);
    expect(accepted.meta.headline).toBe('Ông Hà: đảng viên trẻ');
    const photoAfter = (accepted.body[2] as Extract<Block, { type: 'turn' }>).children[1] as Photo;
    expect([photoAfter.caption, photoAfter.credit, photoAfter.alt]).toEqual(['Ông Hà tại buổi lễ', 'Hà Lan', 'Ông Hà phát biểu']);
    const rejected = rejectAll(suggested);
    expect(rejected.meta).toEqual(META);
    expect(rejected.body).toEqual(BODY);
    // One undo takes back every suggestion.
    editor.undo();
    expect(listPending(doc())).toEqual([]);
    expect(doc().meta).toEqual(META);
  });
});

// Properties ---------------------------------------------------------------------------------

/** Letters the queries are made of, and text around them (NFC: the document stores NFC). */
const LETTERS = ['a', 'á', 'ă', 'ầ', 'd', 'đ', 'Đ', 'e', 'ê', 'ế', 'o', 'ơ', 'A', 'E', ' '];
const text = (max: number) => fc.array(fc.constantFrom(...LETTERS), { maxLength: max }).map((cs) => cs.join('').normalize('NFC'));
const queryArb = fc.array(fc.constantFrom('a', 'á', 'd', 'đ', 'e', 'ê', 'A'), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
const paragraphArb = fc.array(fc.record({ text: text(8), bold: fc.boolean() }), { minLength: 1, maxLength: 3 }).map((leaves) => p(...leaves.map((l) => (l.bold ? { text: l.text, bold: true as const } : l.text))));
const photoArb = fc.record({ caption: text(10), credit: text(6), alt: text(6) }).map(({ caption, credit, alt }) => photo(caption, credit, alt));
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  paragraphArb,
  photoArb,
  fc.record({ speaker: fc.constantFrom('p1', 'p2'), children: fc.array(fc.oneof(paragraphArb, photoArb), { minLength: 1, maxLength: 3 }) }).map(({ speaker, children }) => turn(speaker, ...children)),
);
const storyArb = fc.record({
  headline: text(12),
  subheadline: text(8),
  sapo: text(16),
  labels: fc.tuple(text(6), text(6)),
  body: fc.array(blockArb, { minLength: 1, maxLength: 5 }).map((blocks) => [...blocks, p('Hết.')]),
  options: fc.record({ ignoreDiacritics: fc.boolean(), matchCase: fc.boolean() }),
});

function storyHarness(s: { headline: string; subheadline: string; sapo: string; labels: [string, string]; body: Block[] }) {
  // A label is never empty in a document.
  const participants = PEOPLE.map((q, i) => ({ ...q, label: `P${s.labels[i]}` }));
  return harness(s.body, { meta: { ...META, headline: s.headline, subheadline: s.subheadline, sapo: s.sapo }, participants });
}

/** Every string of the story: header fields, labels, paragraphs and photo texts, in order. */
const allStrings = (h: ReturnType<typeof storyHarness>) => [h.state().meta.headline, h.state().meta.subheadline, h.state().meta.sapo, ...h.state().participants.map((q) => q.label), ...bodyTexts(h.editor)];

describe('properties', () => {
  it('every match’s range holds the folded query', () => {
    fc.assert(
      fc.property(storyArb, queryArb, (s, query) => {
        const h = storyHarness(s);
        const { matches } = new MatchFinder().find(h.editor.children, query, s.options, { meta: h.state().meta, speakers: h.state().participants });
        for (const m of matches) expect(foldQuery(textOf(h.editor, m), s.options)).toBe(foldQuery(query, s.options));
        expect(matches.map((m) => m.index)).toEqual(matches.map((_, i) => i));
      }),
      { numRuns: 200 },
    );
  });

  it('after Replace all, finding again gives no match when the replacement cannot make one', () => {
    fc.assert(
      fc.property(storyArb, queryArb, fc.stringMatching(/^[0-9-]{1,4}$/), (s, query, replacement) => {
        const h = storyHarness(s);
        h.find.open('replace');
        h.find.setOptions(s.options);
        h.find.setSpeakers(true);
        h.find.setQuery(query);
        const total = h.find.getState().total;
        h.find.setReplacement(replacement);
        h.find.replaceAll();
        expect(h.find.getState().replaced?.total).toBe(total);
        expect(h.find.getState().total).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('replacing never touches text outside the matches', () => {
    fc.assert(
      fc.property(storyArb, queryArb, fc.stringMatching(/^[0-9]{0,3}$/), (s, query, replacement) => {
        const h = storyHarness(s);
        h.find.open('replace');
        h.find.setOptions(s.options);
        h.find.setQuery(query);
        const { matches } = new MatchFinder().find(h.editor.children, query, s.options, { meta: h.state().meta, speakers: [] });
        // The expected strings, spliced by hand from the matches' offsets: right to left.
        const before = allStrings(h);
        const offsets = new Map<number, [number, number][]>(); // string index → match ranges
        const stringIndex = (m: Match): number => {
          if (m.kind === 'field' && m.place.kind === 'meta') return ['headline', 'subheadline', 'sapo'].indexOf(m.place.field);
          // Body strings follow the header's 3 fields and 2 labels, in document order.
          const bodyStrings: string[] = [];
          let found = -1;
          for (const [n, path] of Node.nodes(h.editor)) {
            if (Element.isElement(n) && n.type === 'paragraph') {
              if (m.kind === 'text' && path.join() === m.path.join()) found = bodyStrings.length;
              bodyStrings.push('');
            } else if (Element.isElement(n) && n.type === 'photo') {
              for (const f of ['caption', 'credit', 'alt'] as const) {
                if (m.kind === 'field' && m.place.kind === 'photo' && m.place.field === f && m.place.path.join() === path.join()) found = bodyStrings.length;
                bodyStrings.push('');
              }
            }
          }
          return 5 + found;
        };
        for (const m of matches) {
          const at = m.kind === 'text' ? leafOffset(m.paragraph, m.start) : m.start;
          const end = m.kind === 'text' ? leafOffset(m.paragraph, m.end) : m.end;
          const i = stringIndex(m);
          offsets.set(i, [...(offsets.get(i) ?? []), [at, end]]);
        }
        const expected = before.map((str, i) => {
          let out = str;
          for (const [a, b] of [...(offsets.get(i) ?? [])].reverse()) out = out.slice(0, a) + replacement + out.slice(b);
          return out;
        });
        h.find.setReplacement(replacement);
        h.find.replaceAll();
        expect(allStrings(h)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps NFC, whatever form the replacement is typed in', () => {
    fc.assert(
      fc.property(storyArb, queryArb, fc.constantFrom('Hà Nội', 'Đảng viên', 'thuở', 'Nguyễn'), (s, query, word) => {
        const h = storyHarness(s);
        h.find.open('replace');
        h.find.setOptions(s.options);
        h.find.setSpeakers(true);
        h.find.setQuery(query);
        h.find.setReplacement(word.normalize('NFD')); // typed on a Mac
        h.find.replaceAll();
        for (const str of allStrings(h)) expect(str).toBe(str.normalize('NFC'));
      }),
      { numRuns: 100 },
    );
  });
});

/** The offset in a paragraph's string of a leaf point. */
function leafOffset(paragraph: Paragraph, point: { leaf: number; offset: number }): number {
  let at = 0;
  for (let i = 0; i < point.leaf; i++) at += paragraph.children[i]!.text.length;
  return at + point.offset;
}
