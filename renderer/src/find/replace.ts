/**
 * Replacing found text. Deciding what a Replace all changes is a pure function of the matches
 * (`planReplaceAll`); the body's part is done on a Slate editor through its methods, so Suggesting
 * records it (review/with-suggestions.ts); the header's part (headline, sapo, speakers' labels)
 * lives outside Slate and is put in place by the document screen (story-port.ts).
 *
 * `replaceRange` and `replaceAllMatches` are one undo step each: `HistoryEditor.withNewBatch`
 * starts a new history batch (so the first change does not merge into the typing before it) and
 * slate-history merges every later operation of the same synchronous call into that batch.
 * `replaceInBody` starts no batch of its own: it runs inside the caller's one step.
 */
import { Editor, Node, Path, Text, Transforms, type Range } from 'slate';
import { HistoryEditor } from 'slate-history';
import { LIMITS, type Photo } from '../../../shared/model/schema';
import { suggestingEnv } from '../review/review-env';
import { suggestReplace } from '../review/suggest-text-ops';
import { matchRange, PHOTO_TEXT_FIELDS, samePlace, type BodyMatch, type FieldMatch, type FieldPlace, type FoundMetaField, type Match, type PhotoTextField } from './find-matches';

/** Where a Replace all replaced, in the order the report names them. */
export const REPORT_PLACES = ['text', 'headline', 'subheadline', 'sapo', 'caption', 'credit', 'alt', 'speaker'] as const;
export type ReportPlace = (typeof REPORT_PLACES)[number];

export interface ReplaceReport {
  total: number;
  /** The places with replacements, in REPORT_PLACES order, none with a count of 0. */
  where: { place: ReportPlace; count: number }[];
}

/** What a Replace all changes. */
export interface ReplacePlan {
  /** Body text matches to replace, in reading order. */
  text: BodyMatch[];
  /** The new values of header fields. */
  meta: Partial<Record<FoundMetaField, string>>;
  /** New labels, by participant id. */
  labels: Record<string, string>;
  /** The new texts of photos, by the photo's path when found, with how many matches each replaces. */
  photos: { path: Path; fields: Partial<Record<PhotoTextField, string>>; matches: Partial<Record<PhotoTextField, number>> }[];
  /** How many matches each field plan replaces (before anything is done). */
  counts: Map<ReportPlace, number>;
}

/** The longest value each field may hold (shared/model/schema.ts); a longer result is not made. */
const FIELD_LIMITS: Record<FoundMetaField | PhotoTextField | 'speaker', number> = {
  headline: LIMITS.shortField,
  subheadline: LIMITS.shortField,
  sapo: LIMITS.longField,
  caption: LIMITS.longField,
  credit: LIMITS.shortField,
  alt: LIMITS.longField,
  speaker: 200,
};

const placeName = (place: FieldPlace): FoundMetaField | PhotoTextField | 'speaker' => (place.kind === 'speaker' ? 'speaker' : place.field);

/**
 * `value` with each of `ranges` (in order, not overlapping) replaced by `text`. Text is NFC and so
 * is the replacement; a few scripts (Hangul jamo) compose across such a boundary, so the result is
 * composed again.
 */
export function replaceInValue(value: string, ranges: readonly { start: number; end: number }[], text: string): string {
  let out = '';
  let at = 0;
  for (const { start, end } of ranges) {
    out += value.slice(at, start) + text;
    at = end;
  }
  return (out + value.slice(at)).normalize('NFC');
}

/** The text a body match covers. */
export function bodyMatchText(m: BodyMatch): string {
  const leaves = m.paragraph.children;
  if (m.start.leaf === m.end.leaf) return leaves[m.start.leaf]!.text.slice(m.start.offset, m.end.offset);
  let out = leaves[m.start.leaf]!.text.slice(m.start.offset);
  for (let i = m.start.leaf + 1; i < m.end.leaf; i++) out += leaves[i]!.text;
  return out + leaves[m.end.leaf]!.text.slice(0, m.end.offset);
}

const matchText = (m: Match) => (m.kind === 'text' ? bodyMatchText(m) : m.value.slice(m.start, m.end));

/**
 * What replacing every match with `text` (clean NFC) changes. A match that already reads exactly
 * `text` is left alone; a field whose new value would pass its limit, or a speaker's label that
 * would become empty (a turn must print a speaker), is left as it is.
 */
export function planReplaceAll(matches: readonly Match[], text: string): ReplacePlan {
  const plan: ReplacePlan = { text: [], meta: {}, labels: {}, photos: [], counts: new Map() };
  const add = (place: ReportPlace, n: number) => plan.counts.set(place, (plan.counts.get(place) ?? 0) + n);
  // Field matches come grouped by field, in order: gather each field's run.
  let run: FieldMatch[] = [];
  const flush = () => {
    const first = run[0];
    if (!first) return;
    const next = replaceInValue(first.value, run, text);
    const name = placeName(first.place);
    const fits = next.length <= FIELD_LIMITS[name] && (name !== 'speaker' || next.trim() !== '');
    if (fits && next !== first.value) {
      const { place } = first;
      if (place.kind === 'meta') plan.meta[place.field] = next;
      else if (place.kind === 'speaker') plan.labels[place.participantId] = next;
      else {
        const last = plan.photos.at(-1);
        const photo = last && Path.equals(last.path, place.path) ? last : { path: place.path, fields: {}, matches: {} };
        if (photo !== last) plan.photos.push(photo);
        photo.fields[place.field] = next;
        photo.matches[place.field] = run.length;
      }
      add(name, run.length);
    }
    run = [];
  };
  for (const m of matches) {
    if (matchText(m) === text) continue;
    if (m.kind === 'text') {
      flush();
      plan.text.push(m);
      add('text', 1);
    } else {
      const previous = run[0];
      if (previous && !samePlace(previous.place, m.place)) flush();
      run.push(m);
    }
  }
  flush();
  return plan;
}

/** The report of a plan, with the body's counts as they came out (Suggesting may refuse a change). */
export function reportOf(counts: ReadonlyMap<ReportPlace, number>): ReplaceReport {
  const where = REPORT_PLACES.filter((p) => (counts.get(p) ?? 0) > 0).map((place) => ({ place, count: counts.get(place)! }));
  return { total: where.reduce((n, w) => n + w.count, 0), where };
}

/**
 * Replaces `range` (inside one paragraph) with `text` and leaves the caret after it.
 * `text` must already be clean NFC (cleanLine).
 */
export function replaceRange(editor: Editor, range: Range, text: string): void {
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      const env = suggestingEnv(editor);
      // Suggesting: the match struck and the replacement typed after it, one suggestion each.
      if (env) return suggestReplace(editor, env, range, text);
      Transforms.insertText(editor, text, { at: range, select: true });
      keepNfc(editor, Path.parent(range.anchor.path));
    });
  });
}

/**
 * One photo text set through the editor's method (so Suggesting records it), as its own undo
 * step; returns whether the photo now holds it.
 */
export function replaceInPhoto(editor: Editor, path: Path, fields: Partial<Record<PhotoTextField, string>>): boolean {
  let changed = false;
  HistoryEditor.withNewBatch(editor, () => {
    changed = setPhotoTexts(editor, path, fields).size > 0;
  });
  return changed;
}

/**
 * The body's part of a plan: photo texts and body text, with no undo batch of its own (the caller
 * makes the whole Replace all one step). The user's selection is carried along, not moved. Returns
 * how many were replaced where (a suggestion the algebra cannot record is not counted).
 */
export function replaceInBody(editor: Editor, plan: Pick<ReplacePlan, 'text' | 'photos'>, text: string): Map<ReportPlace, number> {
  const done = new Map<ReportPlace, number>();
  const env = suggestingEnv(editor);
  const selection = editor.selection && Editor.rangeRef(editor, editor.selection);
  Editor.withoutNormalizing(editor, () => {
    // Photo texts first: they change no path (a photo's properties are set in place), so the
    // text matches' paths and leaf points stay right.
    for (const { path, fields, matches } of plan.photos) {
      if (!photoAt(editor, path)) continue;
      for (const field of setPhotoTexts(editor, path, fields)) done.set(field, (done.get(field) ?? 0) + (matches[field] ?? 0));
    }
    const paragraphs: Path[] = [];
    // Last match first: replacing it changes no offset or leaf index of a match before it.
    // (Normalisation, which could merge leaves, waits until the end of withoutNormalizing.)
    for (let i = plan.text.length - 1; i >= 0; i--) {
      const match = plan.text[i]!;
      const range = matchRange(match);
      if (env) suggestReplace(editor, env, range, text);
      else Transforms.insertText(editor, text, { at: range, select: false });
      done.set('text', (done.get('text') ?? 0) + 1);
      const last = paragraphs[paragraphs.length - 1];
      if (!last || !Path.equals(last, match.path)) paragraphs.push(match.path);
    }
    if (!env) for (const path of paragraphs) keepNfc(editor, path);
  });
  const back = selection?.unref();
  if (back) Transforms.select(editor, back);
  else if (!selection && editor.selection) Transforms.deselect(editor);
  return done;
}

/**
 * Replaces every body match (photos' texts included) with `text`, as one undo step, and returns
 * how many changed (a match that already reads exactly `text` is left alone).
 */
export function replaceAllMatches(editor: Editor, matches: readonly Match[], text: string): number {
  let done = new Map<ReportPlace, number>();
  const plan = planReplaceAll(
    matches.filter((m) => m.kind === 'text' || m.place.kind === 'photo'),
    text,
  );
  HistoryEditor.withNewBatch(editor, () => {
    done = replaceInBody(editor, plan, text);
  });
  return reportOf(done).total;
}

function photoAt(editor: Editor, path: Path): Photo | undefined {
  if (!Node.has(editor, path)) return undefined;
  const node = Node.get(editor, path);
  return !Text.isText(node) && !Editor.isEditor(node) && node.type === 'photo' ? node : undefined;
}

/**
 * Sets photo texts through the editor's method, one field at a time (Suggesting records one
 * suggestion per field), merged into the current undo batch. Returns the fields that now hold
 * their new value.
 */
function setPhotoTexts(editor: Editor, path: Path, fields: Partial<Record<PhotoTextField, string>>): Set<PhotoTextField> {
  const set = new Set<PhotoTextField>();
  for (const field of PHOTO_TEXT_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    editor.setPhotoFields(path, { [field]: value }, { merge: true });
    if (photoAt(editor, path)?.[field] === value) set.add(field);
  }
  return set;
}

/**
 * Matches start and end on whole characters and the replacement is NFC, so the text around a
 * replacement is NFC in practice; a few scripts (Hangul jamo) compose across such a boundary.
 * The document stores NFC, so recompose any leaf of the paragraph that is not.
 */
function keepNfc(editor: Editor, paragraphPath: Path): void {
  const paragraph = Node.get(editor, paragraphPath);
  if (Text.isText(paragraph)) return;
  paragraph.children.forEach((leaf, i) => {
    if (!Text.isText(leaf)) return;
    const nfc = leaf.text.normalize('NFC');
    if (nfc !== leaf.text) Transforms.insertText(editor, nfc, { at: Editor.range(editor, [...paragraphPath, i]), select: false });
  });
}
