/**
 * fast-check generators for the review algebra: interviews in Vietnamese (turns, photos inside and
 * between turns, bold runs) and edit sequences whose positions are valid in the accepted view they
 * apply to. An edit is drawn as a seed of plain numbers and read against the current document, so
 * sequences stay valid step by step and still shrink well.
 */
import fc from 'fast-check';
import { newInterview } from '../../../../shared/model/factory';
import { normalizeInterview } from '../../../../shared/model/normalize';
import type { Block, Interview, Paragraph, Photo, TextLeaf, TrackedMetaField, Turn } from '../../../../shared/model/schema';
import { edit } from '../../../../shared/review/edit';
import type { BlockPath, Edit } from '../../../../shared/review/edits';
import type { Author, Clock } from '../../../../shared/review/suggest';

export const reporter: Author = { id: 'u-reporter', name: 'Thanh Bình' };
export const editor: Author = { id: 'u-editor', name: 'Nguyễn Thị Hoa' };
export const desk: Author = { id: 'u-desk', name: 'Trần Quốc Việt' };

/** A deterministic clock: one second later at each call. */
export function testClock(): Clock {
  let n = 0;
  return () => new Date(Date.UTC(2026, 10, 27, 8, 0, n++)).toISOString();
}

// Precomposed (NFC) words with the diacritics and doubled vowels Telex typing produces.
const WORDS = ['Đảng', 'viên', 'tỉnh', 'Long', 'An', 'kết', 'nạp', 'ủy', 'hòa', 'thủy', 'lãnh', 'đạo', 'người', 'dân', 'ông', 'chỉ', 'tiêu', 'phát', 'triển', 'oo', 'aa', 'ươ', 'Nguyễn', 'Thanh', 'Hải', 'được', 'những', 'năm', '2025', ',', '.', '?'];

export const vnText = (maxWords = 5) => fc.array(fc.constantFrom(...WORDS), { maxLength: maxWords }).map((w) => w.join(' '));
const nonEmptyText = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

const leaf: fc.Arbitrary<TextLeaf> = fc.record({ text: vnText(4), bold: fc.boolean() }).map(({ text, bold }) => (bold ? { text, bold: true } : { text }));
const paragraph: fc.Arbitrary<Paragraph> = fc.array(leaf, { minLength: 1, maxLength: 3 }).map((children) => ({ type: 'paragraph', children }));
const photo: fc.Arbitrary<Photo> = fc
  .record({ caption: vnText(4), credit: fc.constantFrom('TTXVN', 'Thanh Hải/TTXVN', ''), alt: vnText(2), attached: fc.boolean() })
  .map(({ caption, credit, alt, attached }) => ({ type: 'photo', assetId: attached ? 'a'.repeat(64) : null, caption, credit, alt, children: [{ text: '' }] }));
const speaker = fc.constantFrom('p1', 'p2', 'p3');
const turn: fc.Arbitrary<Turn> = fc
  .record({ speakerId: speaker, first: paragraph, rest: fc.array(fc.oneof(paragraph, photo), { maxLength: 3 }) })
  .map(({ speakerId, first, rest }) => ({ type: 'turn', speakerId, children: [first, ...rest] }));

export const interview: fc.Arbitrary<Interview> = fc
  .record({ body: fc.array(fc.oneof({ arbitrary: turn, weight: 3 }, { arbitrary: paragraph, weight: 2 }, { arbitrary: photo, weight: 1 }), { minLength: 1, maxLength: 6 }), headline: vnText(6), sapo: vnText(8) })
  .map(({ body, headline, sapo }) => {
    const doc = newInterview('doc-1', 'vi');
    doc.participants.push({ id: 'p3', label: 'Ông Nguyễn Thanh Hải', fullName: 'Nguyễn Thanh Hải', title: 'Bí thư Tỉnh ủy', role: 'interviewee' });
    doc.meta.headline = headline;
    doc.meta.sapo = sapo;
    doc.body = body as Block[];
    return normalizeInterview(doc);
  });

/** Numbers an edit is read from (see editFrom). */
export interface EditSeed {
  kind: number;
  a: number;
  b: number;
  c: number;
  text: string;
  bold: boolean;
}

export const editSeed: fc.Arbitrary<EditSeed> = fc.record({
  kind: fc.nat(12),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  text: nonEmptyText,
  bold: fc.boolean(),
});

const textOf = (p: Paragraph) => p.children.map((l) => l.text).join('');

interface Spots {
  paragraphs: { path: BlockPath; length: number }[];
  photos: BlockPath[];
  turns: number[];
  /** Insertion points for a photo: [i] at the top level, [i, j] in a turn. */
  slots: BlockPath[];
  /** Pairs of neighbouring paragraphs in one container, by the first one's path. */
  merges: BlockPath[];
}

function spots(doc: Interview): Spots {
  const s: Spots = { paragraphs: [], photos: [], turns: [], slots: [], merges: [] };
  const visit = (children: readonly Block[], prefix: number[]) => {
    children.forEach((b, i) => {
      const path = [...prefix, i] as BlockPath;
      if (b.type === 'paragraph') {
        s.paragraphs.push({ path, length: textOf(b).length });
        if (children[i + 1]?.type === 'paragraph') s.merges.push(path);
      } else if (b.type === 'photo') s.photos.push(path);
      else {
        s.turns.push(i);
        visit(b.children, [i]);
      }
    });
    for (let i = 0; i <= children.length; i++) s.slots.push([...prefix, i] as BlockPath);
  };
  visit(doc.body, []);
  return s;
}

const META_FIELDS: TrackedMetaField[] = ['headline', 'sapo', 'byline', 'section', 'location', 'urgency', 'keywords'];

/** Read a seed as an edit valid in `doc` (a plain document: the accepted view edits apply to). */
export function editFrom(doc: Interview, seed: EditSeed): Edit {
  const s = spots(doc);
  const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length > 0 ? xs[n % xs.length] : undefined);
  const marks = seed.bold ? { bold: true as const } : undefined;
  const speakers = ['p1', 'p2', 'p3'];
  const editable = s.paragraphs.filter((p) => p.length > 0);
  // The body keeps one block: its last top-level block is not removed or moved away.
  const removable = (path: BlockPath) => path.length === 2 || doc.body.length > 1;
  s.turns = s.turns.filter((i) => removable([i]) || seed.kind === 7);
  s.photos = s.photos.filter((p) => removable(p) || seed.kind === 11);
  switch (seed.kind) {
    case 1:
    case 2: {
      const p = pick(editable, seed.a);
      if (!p) break;
      const offset = seed.b % p.length;
      const length = 1 + (seed.c % Math.min(p.length - offset, 8));
      return seed.kind === 1 ? { type: 'deleteText', at: { path: p.path, offset }, length } : { type: 'replaceText', at: { path: p.path, offset }, length, text: seed.text, marks };
    }
    case 3: {
      const p = pick(s.paragraphs, seed.a);
      if (!p) break;
      return { type: 'splitParagraph', at: { path: p.path, offset: seed.b % (p.length + 1) } };
    }
    case 4: {
      const at = pick(s.merges, seed.a);
      if (at) return { type: 'mergeParagraphs', at };
      break;
    }
    case 5:
      return { type: 'insertTurn', at: seed.a % (doc.body.length + 1), speakerId: pick(speakers, seed.b)!, text: seed.c % 3 === 0 ? '' : seed.text };
    case 6: {
      const at = pick(s.turns, seed.a);
      if (at !== undefined) return { type: 'removeTurn', at };
      break;
    }
    case 7: {
      const at = pick(s.turns, seed.a);
      if (at !== undefined) return { type: 'setSpeaker', at, speakerId: pick(speakers, seed.b)! };
      break;
    }
    case 8:
      return { type: 'insertPhoto', at: pick(s.slots, seed.a)!, photo: { assetId: seed.bold ? 'b'.repeat(64) : null, caption: seed.text, credit: 'TTXVN', alt: '' } };
    case 9: {
      const at = pick(s.photos, seed.a);
      if (at) return { type: 'removePhoto', at };
      break;
    }
    case 10: {
      const from = pick(s.photos, seed.a);
      if (!from) break;
      const without = edit(doc, [{ type: 'removePhoto', at: from }]);
      return { type: 'movePhoto', from, to: pick(spots(without).slots, seed.b)! };
    }
    case 11: {
      const at = pick(s.photos, seed.a);
      if (!at) break;
      const field = pick(['caption', 'credit', 'alt'] as const, seed.b)!;
      const photo = (at.length === 1 ? doc.body[at[0]] : (doc.body[at[0]] as Turn).children[at[1]]) as Photo;
      // Often a keystroke on the current value, as typing a caption is.
      const value = seed.c % 2 === 0 ? photo[field] + seed.text.slice(0, 1) : seed.c % 3 === 0 ? '' : seed.text;
      return { type: 'setPhotoText', at, field, value };
    }
    case 12: {
      const field = pick(META_FIELDS, seed.a)!;
      if (field === 'urgency') return { type: 'setMeta', field, value: 1 + (seed.b % 9) };
      if (field === 'keywords') return { type: 'setMeta', field, value: seed.text.split(' ').slice(0, 1 + (seed.b % 3)) };
      const value = seed.c % 2 === 0 ? String(doc.meta[field]) + seed.text.slice(0, 1) : seed.text;
      return { type: 'setMeta', field, value };
    }
  }
  const p = pick(s.paragraphs, seed.a);
  if (!p) return { type: 'insertTurn', at: 0, speakerId: 'p1', text: seed.text };
  return { type: 'insertText', at: { path: p.path, offset: seed.b % (p.length + 1) }, text: seed.text, marks };
}

/** Draw edits one at a time against the plain result of the ones before. */
export function editsFrom(doc: Interview, seeds: readonly EditSeed[]): Edit[] {
  const edits: Edit[] = [];
  let current = doc;
  for (const seed of seeds) {
    const e = editFrom(current, seed);
    edits.push(e);
    current = edit(current, [e]);
  }
  return edits;
}
