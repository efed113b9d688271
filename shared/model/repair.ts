/**
 * Opening a stored interview that breaks a limit, or that normalising pushes over one, instead of
 * refusing it. admit.ts keeps such documents out of the library today, but the library holds what
 * older versions stored (before a limit existed, or before normalising was checked), what a hand or
 * a tool wrote, and what NFC grows: "This interview could not be opened" over a 101,000-character
 * paragraph would lock a journalist's work away for a rule they never saw.
 *
 * `repairInterview` is admit.ts made lenient: validate → normalise → validate as there, and where
 * the only obstacles are limits or normalisation, it changes the document just enough to pass and
 * lists what it changed (`Repair`, shown to the user in their language). The rules, in order of
 * preference — text is moved, never dropped, wherever the schema has somewhere to put it:
 *
 * - a paragraph whose text (a run of equally marked text, as normalising merges it) or number of
 *   pieces is over the limit is split into several paragraphs, at a space where there is one;
 * - a turn with too many paragraphs and photos is split into several turns of the same speaker;
 * - the end of a metadata field, participant detail or photo text that is too long is cut off and put
 *   in a new paragraph: at the start of the text, or right after its photo;
 * - a turn whose speaker is not a participant gets a placeholder participant (as normalize.ts does
 *   for a valid document), a repeated participant id keeps its first participant;
 * - empty required strings and lists get what normalising would give them (a label becomes the id,
 *   an empty paragraph gets an empty leaf, an empty keyword goes);
 * - a comment that is too long is continued in the comments after it; empty comments and threads
 *   go, and so do review anchors beyond their cap;
 * - a paragraph's time that ends before it starts loses its end (the start is what the reporter
 *   stamped; an end is only ever known from an imported transcript); a split paragraph's time stays
 *   with its first part, and joined paragraphs keep the first's (media-time.ts);
 * - only where no place exists (over 50,000 blocks after joining neighbouring paragraphs and turns,
 *   more threads than the cap) is anything left out; it is named in the list, and the stored
 *   version it came from stays in the history (the backend keeps the revision a repair replaced:
 *   revision-retention.ts).
 *
 * Everything else — a value of the wrong type, an unknown key, a broken date — is damage, not a
 * limit: the result is `ok: false` with the schema's problems, plus the value as far as it was
 * repaired (`partial`), so the caller can still try salvageReview on damaged review state.
 *
 * A document admit.ts accepts comes out exactly as admitInterview gives it, with no repairs.
 * Repairing what it returns again changes nothing (property-tested in tests/unit/shared/model/).
 */
import { z } from 'zod';
import { cleanMultiline } from '../text/normalize-text';
import { emptyParagraph } from './factory';
import { sameLeafProps } from './leaf-props';
import { joinedTime } from './media-time';
import { normalizeInterview, UNKNOWN_SPEAKER_LABEL } from './normalize';
import { LIMITS, type Interview, type MediaTime, type TextLeaf } from './schema';
import { validateInterview, type ValidationProblem } from './validate';

/** Text fields whose end can be moved into a paragraph. */
export const MOVABLE_FIELDS = [
  'section',
  'headline',
  'subheadline',
  'location',
  'sapo',
  'byline',
  'source',
  'slug',
  'editorialNote',
  'keywords',
  'caption',
  'credit',
  'alt',
  'label',
  'fullName',
  'title',
] as const;
export type MovableField = (typeof MOVABLE_FIELDS)[number];

const count = z.number().int().nonnegative();
/** A short piece of the document naming where a repair happened (the start of a paragraph, a label). */
const excerpt = z.string().max(200);

/** One change made to open a document; `repairs` in document.load's answer (shared/api/contract.ts). */
export const repairSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraphSplit'), excerpt, length: count, parts: count }).strict(),
  z.object({ kind: z.literal('turnSplit'), speaker: excerpt, parts: count }).strict(),
  z.object({ kind: z.literal('textMoved'), field: z.enum(MOVABLE_FIELDS), length: count, to: z.enum(['start', 'afterPhoto']) }).strict(),
  z.object({ kind: z.literal('speakerAdded'), label: excerpt }).strict(),
  z.object({ kind: z.literal('participantRemoved'), label: excerpt }).strict(),
  z.object({ kind: z.literal('speakersMerged'), count, label: excerpt }).strict(),
  z.object({ kind: z.literal('blocksJoined'), count }).strict(),
  z.object({ kind: z.literal('blocksLeftOut'), count }).strict(),
  z.object({ kind: z.literal('commentSplit'), parts: count }).strict(),
  z.object({ kind: z.literal('commentsLeftOut'), count }).strict(),
  z.object({ kind: z.literal('anchorsLeftOut'), count }).strict(),
  z.object({ kind: z.literal('quoteShortened'), length: count }).strict(),
  z.object({ kind: z.literal('urgencyAdjusted'), from: z.number(), to: count }).strict(),
  z.object({ kind: z.literal('timeEndsDropped'), count }).strict(),
]);
export type Repair = z.infer<typeof repairSchema>;

export type RepairResult =
  | { ok: true; doc: Interview; repairs: Repair[] }
  /** `partial`: the value with the limits repaired, for salvageReview (shared/review/salvage.ts). */
  | { ok: false; problems: ValidationProblem[]; partial: unknown; repairs: Repair[] };

/** Normalising can grow text again (NFC); each round repairs what the one before left. */
const ROUNDS = 4;

export function repairInterview(value: unknown): RepairResult {
  // The usual case costs what admitting costs: no copy, no walk. (The second validation is what
  // guarantees the opened document is one the next save accepts: ~5–10 ms at 2,000 paragraphs.)
  const shape = validateInterview(value);
  if (shape.ok) {
    const admitted = validateInterview(normalizeInterview(shape.doc));
    if (admitted.ok) return { ok: true, doc: admitted.doc, repairs: [] };
  }
  let work: unknown;
  try {
    work = JSON.parse(JSON.stringify(value)) as unknown; // the walk below changes its input
  } catch {
    return { ok: false, problems: [{ path: '(document)', message: 'not JSON data' }], partial: value, repairs: [] };
  }
  const repairs: Repair[] = [];
  let problems: ValidationProblem[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    fixLimits(work, repairs);
    const checked = validateInterview(work);
    if (!checked.ok) return { ok: false, problems: checked.problems, partial: work, repairs };
    const normalized = normalizeInterview(checked.doc);
    const again = validateInterview(normalized);
    if (again.ok) return { ok: true, doc: again.doc, repairs };
    problems = again.problems;
    work = normalized;
  }
  return { ok: false, problems, partial: work, repairs };
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLeaf = (v: unknown): v is Json & { text: string } => isObj(v) && typeof v.text === 'string';
const paragraphOf = (text: string): Json => ({ type: 'paragraph', children: [{ text }] });
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A few words of `text`, to name a place in a repair. */
const excerptOf = (text: string): string => (text.length <= 60 ? text : `${text.slice(0, cutPoint(text, 60)).trimEnd()}…`);

/**
 * Where to cut `text` so that its head holds at most `max` UTF-16 units (the schema's measure):
 * after a space near the end if there is one, else at a character boundary — never inside a
 * surrogate pair (normalising would turn both halves into U+FFFD) nor before a combining mark
 * (the mark would start the next part alone).
 */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const from = max - Math.min(2000, Math.floor(max / 5));
  const space = text.lastIndexOf(' ', max - 1);
  if (space >= from) return space + 1;
  let at = max;
  while (at > 1 && (isLowSurrogate(text.charCodeAt(at)) || /^\p{M}/u.test(text.slice(at, at + 2)))) at--;
  return at;
}
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `text` in pieces of at most `max` units, cut as cutPoint cuts. */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = cutPoint(rest, max);
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(rest);
  return out;
}

/** The repairs of one round, in place on `value` (a copy owned by repairInterview). */
function fixLimits(value: unknown, repairs: Repair[]): void {
  if (!isObj(value)) return;
  const doc = value;
  const language = doc.meta && isObj(doc.meta) && doc.meta.language === 'en' ? 'en' : 'vi';
  const atStart: string[] = []; // text moved out of fields, for paragraphs at the start of the body
  if (isObj(doc.meta)) fixMeta(doc.meta, atStart, repairs);
  if (Array.isArray(doc.participants)) fixParticipantTexts(doc.participants, atStart, repairs);
  const labels = new Map<string, string>();
  if (Array.isArray(doc.participants)) for (const p of doc.participants) if (isObj(p) && typeof p.id === 'string' && typeof p.label === 'string') labels.set(p.id, p.label);
  if (Array.isArray(doc.body)) {
    fixTimeEnds(doc.body, repairs);
    doc.body = fixBody([...atStart.map(paragraphOf), ...(doc.body as unknown[])], labels, repairs);
    if (Array.isArray(doc.participants)) fixSpeakers(doc, language, repairs);
  }
  if (Array.isArray(doc.comments)) doc.comments = fixThreads(doc.comments, repairs);
}

const META_LIMITS: [field: MovableField, max: number][] = [
  ['section', LIMITS.shortField],
  ['headline', LIMITS.shortField],
  ['subheadline', LIMITS.shortField],
  ['location', LIMITS.shortField],
  ['sapo', LIMITS.longField],
  ['byline', LIMITS.shortField],
  ['source', LIMITS.shortField],
  ['slug', 200],
  ['editorialNote', LIMITS.longField],
];
const KEYWORD_MAX = 100;

/** Cut `holder[field]` to `max`, returning the cut-off end (null when it fits or is not text). */
function cutField(holder: Json, field: MovableField, max: number, to: 'start' | 'afterPhoto', repairs: Repair[]): string | null {
  const text = holder[field];
  if (typeof text !== 'string' || text.length <= max) return null;
  let at = cutPoint(text, max);
  // The space stays with the moved text: a label's trailing space would be trimmed away.
  while (at > 1 && text[at - 1] === ' ') at--;
  holder[field] = text.slice(0, at);
  repairs.push({ kind: 'textMoved', field, length: text.length - at, to });
  return text.slice(at);
}

function fixMeta(meta: Json, atStart: string[], repairs: Repair[]): void {
  for (const [field, max] of META_LIMITS) {
    const rest = cutField(meta, field, max, 'start', repairs);
    if (rest !== null) atStart.push(rest);
  }
  if (typeof meta.urgency === 'number' && Number.isFinite(meta.urgency) && (meta.urgency < 1 || meta.urgency > 9 || !Number.isInteger(meta.urgency))) {
    const to = Math.min(9, Math.max(1, Math.round(meta.urgency)));
    repairs.push({ kind: 'urgencyAdjusted', from: meta.urgency, to });
    meta.urgency = to;
  }
  if (Array.isArray(meta.keywords)) {
    // An empty keyword is one normalising removes; one too long, or beyond the cap, goes to the text.
    const kept: unknown[] = [];
    const moved: string[] = [];
    for (const k of meta.keywords as unknown[]) {
      if (k === '') continue;
      if (typeof k === 'string' && (k.length > KEYWORD_MAX || kept.length >= LIMITS.keywords)) moved.push(k);
      else kept.push(k);
    }
    meta.keywords = kept;
    if (moved.length > 0) {
      const text = moved.join(', ');
      atStart.push(text);
      repairs.push({ kind: 'textMoved', field: 'keywords', length: text.length, to: 'start' });
    }
  }
}

function fixParticipantTexts(participants: unknown[], atStart: string[], repairs: Repair[]): void {
  for (const p of participants) {
    if (!isObj(p)) continue;
    // An empty label is printed as the id, as normalising does for a blank one.
    if (p.label === '' && typeof p.id === 'string') p.label = p.id;
    for (const [field, max] of [['label', 200], ['fullName', 200], ['title', LIMITS.shortField]] as const) {
      const rest = cutField(p, field, max, 'start', repairs);
      if (rest !== null) atStart.push(rest);
    }
  }
}

/**
 * Participants against the turns: a repeated id keeps its first participant; a speaker who is not a
 * participant gets a placeholder (as normalize.ts gives a valid document); over the cap, those who
 * never speak go first, then the speakers beyond it share one placeholder and keep their label at the
 * start of their turns.
 */
function fixSpeakers(doc: Json, language: 'vi' | 'en', repairs: Repair[]): void {
  const body = doc.body as unknown[];
  let participants = doc.participants as unknown[];
  const seen = new Set<string>();
  participants = participants.filter((p) => {
    if (!isObj(p) || typeof p.id !== 'string') return true;
    if (!seen.has(p.id)) {
      seen.add(p.id);
      return true;
    }
    repairs.push({ kind: 'participantRemoved', label: excerptOf(String(p.label)) });
    return false;
  });
  const turns = body.filter((b): b is Json & { speakerId: string } => isObj(b) && b.type === 'turn' && typeof b.speakerId === 'string' && ID.test(b.speakerId));
  for (const turn of turns) {
    if (seen.has(turn.speakerId)) continue;
    seen.add(turn.speakerId);
    const label = `${UNKNOWN_SPEAKER_LABEL[language]} ${seen.size}`;
    participants.push({ id: turn.speakerId, label, fullName: '', title: '', role: 'interviewee' });
    repairs.push({ kind: 'speakerAdded', label });
  }
  if (participants.length > LIMITS.participants) {
    const speaking = new Set(turns.map((t) => t.speakerId));
    for (let i = participants.length - 1; i >= 0 && participants.length > LIMITS.participants; i--) {
      const p = participants[i];
      if (isObj(p) && typeof p.id === 'string' && !speaking.has(p.id)) {
        participants.splice(i, 1);
        repairs.push({ kind: 'participantRemoved', label: excerptOf(String(p.label)) });
      }
    }
  }
  if (participants.length > LIMITS.participants) {
    const over = participants.splice(LIMITS.participants - 1);
    const labelOf = new Map(over.filter(isObj).map((p) => [String(p.id), String(p.label)]));
    let id = 'others';
    while (seen.has(id)) id = `${id}_`;
    const label = language === 'vi' ? 'Người nói khác' : 'Other speakers';
    participants.push({ id, label, fullName: '', title: '', role: 'interviewee' });
    for (const turn of turns) {
      const was = labelOf.get(turn.speakerId);
      if (was === undefined) continue;
      turn.speakerId = id;
      // Who spoke stays on the page: their label opens the turn, as the agency's text prints it.
      const first = Array.isArray(turn.children) ? turn.children.find((c) => isObj(c) && c.type === 'paragraph') : undefined;
      if (isObj(first) && Array.isArray(first.children)) first.children.unshift({ text: `${was}: `, bold: true });
    }
    repairs.push({ kind: 'speakersMerged', count: over.length, label });
  }
  doc.participants = participants;
}

/** A time that ends before it starts keeps its start; the schema refuses the pair. */
function fixTimeEnds(body: unknown[], repairs: Repair[]): void {
  let dropped = 0;
  const visit = (p: unknown) => {
    if (!isObj(p) || p.type !== 'paragraph' || !isObj(p.time)) return;
    const { startMs, endMs } = p.time;
    if (typeof startMs === 'number' && typeof endMs === 'number' && endMs < startMs) {
      delete p.time.endMs;
      dropped++;
    }
  };
  for (const block of body) {
    visit(block);
    if (isObj(block) && block.type === 'turn' && Array.isArray(block.children)) block.children.forEach(visit);
  }
  if (dropped > 0) repairs.push({ kind: 'timeEndsDropped', count: dropped });
}

function fixBody(body: unknown[], labels: ReadonlyMap<string, string>, repairs: Repair[]): unknown[] {
  const out: unknown[] = [];
  for (const block of body) {
    if (!isObj(block)) out.push(block);
    else if (block.type === 'paragraph') out.push(...fixParagraph(block, repairs));
    else if (block.type === 'photo') out.push(...fixPhoto(block, repairs));
    else if (block.type === 'turn') out.push(...fixTurn(block, labels, repairs));
    else out.push(block);
  }
  if (out.length === 0) out.push(emptyParagraph());
  return out.length > roomFor(out) ? fitBody(out, repairs) : out;
}

const isPhoto = (b: unknown) => isObj(b) && b.type === 'photo';
/** Blocks a body may hold: one fewer when it ends with a photo, for the paragraph normalising adds after it. */
const roomFor = (body: readonly unknown[]) => LIMITS.bodyBlocks - (isPhoto(body[body.length - 1]) ? 1 : 0);

/** Adjacent leaves with the same marks as one (what normalising does), for measuring and cutting. */
function runsOf(leaves: readonly (Json & { text: string })[]): (Json & { text: string })[] {
  const out: (Json & { text: string })[] = [];
  for (const leaf of leaves) {
    const prev = out[out.length - 1];
    if (prev && sameLeafProps(prev as TextLeaf, leaf as TextLeaf)) out[out.length - 1] = { ...prev, text: prev.text + leaf.text };
    else out.push({ ...leaf });
  }
  return out;
}

const fits = (runs: readonly { text: string }[]) => runs.length <= LIMITS.leavesPerParagraph && runs.every((r) => r.text.length <= LIMITS.paragraphText);

function fixAnchors(leaf: Json, repairs: Repair[]): void {
  if (!Array.isArray(leaf.comments)) return;
  if (leaf.comments.length === 0) delete leaf.comments; // "no anchors" is no key
  else if (leaf.comments.length > LIMITS.threadsPerLeaf) {
    repairs.push({ kind: 'anchorsLeftOut', count: leaf.comments.length - LIMITS.threadsPerLeaf });
    leaf.comments = leaf.comments.slice(0, LIMITS.threadsPerLeaf);
  }
}

/** A paragraph as one or several paragraphs within the limits (the last keeps its pending break). */
function fixParagraph(p: Json, repairs: Repair[]): Json[] {
  if (!Array.isArray(p.children)) return [p];
  if (p.children.length === 0) p.children = [{ text: '' }];
  const leaves = p.children as unknown[];
  if (!leaves.every(isLeaf)) return [p];
  for (const leaf of leaves) fixAnchors(leaf, repairs);
  const runs = runsOf(leaves);
  if (fits(runs)) return [p];
  const parts: Json[][] = [[]];
  for (const run of runs) {
    const texts = pieces(run.text, LIMITS.paragraphText);
    texts.forEach((text, i) => {
      if (i > 0 || parts[parts.length - 1]!.length >= LIMITS.leavesPerParagraph) parts.push([]);
      parts[parts.length - 1]!.push({ ...run, text });
    });
  }
  const { breakAfter, time, ...rest } = p;
  const whole = runs.map((r) => r.text).join('');
  repairs.push({ kind: 'paragraphSplit', excerpt: excerptOf(whole), length: whole.length, parts: parts.length });
  // The time (where the paragraph starts in the recording) stays with the first part.
  return parts.map((children, i) => ({
    ...rest,
    ...(i === 0 && time !== undefined ? { time } : {}),
    children,
    ...(i === parts.length - 1 && breakAfter !== undefined ? { breakAfter } : {}),
  }));
}

/** A photo whose texts fit, followed by a paragraph with what did not. */
function fixPhoto(photo: Json, repairs: Repair[]): Json[] {
  // A photo is void: its one child is always an empty text, which is what normalising gives it.
  if (Array.isArray(photo.children)) photo.children = [{ text: '' }];
  const moved: string[] = [];
  for (const [field, max] of [['caption', LIMITS.longField], ['credit', LIMITS.shortField], ['alt', LIMITS.longField]] as const) {
    const rest = cutField(photo, field, max, 'afterPhoto', repairs);
    if (rest !== null) moved.push(rest);
  }
  return moved.length > 0 ? [photo, paragraphOf(moved.join(' '))] : [photo];
}

/** A turn as one or several turns of the same speaker within the limits. */
function fixTurn(turn: Json, labels: ReadonlyMap<string, string>, repairs: Repair[]): Json[] {
  if (!Array.isArray(turn.children)) return [turn];
  const children = (turn.children as unknown[]).flatMap((c) => (isObj(c) && c.type === 'paragraph' ? fixParagraph(c, repairs) : isObj(c) && c.type === 'photo' ? fixPhoto(c, repairs) : [c]));
  turn.children = children.length > 0 ? children : [emptyParagraph()];
  if (children.length <= LIMITS.blocksPerTurn) return [turn];
  const parts: unknown[][] = [];
  for (let i = 0; i < children.length; i += LIMITS.blocksPerTurn) parts.push(children.slice(i, i + LIMITS.blocksPerTurn));
  repairs.push({ kind: 'turnSplit', speaker: excerptOf(labels.get(String(turn.speakerId)) ?? String(turn.speakerId)), parts: parts.length });
  // Each part carries the turn's review state: a turn suggested as new is new in all its parts.
  return parts.map((part) => ({ ...turn, children: part }));
}

/**
 * A body over the block cap: neighbouring paragraphs (and turns of one speaker) are joined from the
 * end, a space between two paragraphs' text, while what they make fits; only what still does not fit
 * is left out at the end.
 */
function fitBody(body: unknown[], repairs: Repair[]): unknown[] {
  let excess = body.length - roomFor(body);
  let joined = 0;
  for (let i = body.length - 1; i > 0 && excess > 0; i--) {
    const a = body[i - 1];
    const b = body[i];
    if (!isObj(a) || !isObj(b) || a.type !== b.type || !Array.isArray(a.children) || !Array.isArray(b.children)) continue;
    if (a.type === 'paragraph') {
      if (a.breakAfter !== undefined || b.breakAfter !== undefined || !a.children.every(isLeaf) || !b.children.every(isLeaf)) continue;
      const children = [...a.children, { text: ' ' }, ...b.children];
      if (!fits(runsOf(children as (Json & { text: string })[]))) continue;
      const time = joinedTime(a.time as MediaTime | undefined, b.time as MediaTime | undefined);
      const { time: _old, ...rest } = a;
      body[i - 1] = time ? { ...rest, time, children } : { ...rest, children };
    } else if (a.type === 'turn') {
      const plain = (t: Json) => t.ins === undefined && t.del === undefined && t.changes === undefined;
      if (a.speakerId !== b.speakerId || !plain(a) || !plain(b) || a.children.length + b.children.length > LIMITS.blocksPerTurn) continue;
      body[i - 1] = { ...a, children: [...a.children, ...b.children] };
    } else continue;
    body.splice(i, 1);
    excess--;
    joined++;
  }
  if (joined > 0) repairs.push({ kind: 'blocksJoined', count: joined });
  if (excess > 0) {
    const before = body.length;
    body.splice(LIMITS.bodyBlocks);
    if (isPhoto(body[body.length - 1])) body.pop();
    repairs.push({ kind: 'blocksLeftOut', count: before - body.length });
  }
  return body;
}

/** Comment threads within the limits: long comments continued, empty ones and threads over the cap left out. */
function fixThreads(threads: unknown[], repairs: Repair[]): unknown[] {
  let leftOut = 0;
  const out: unknown[] = [];
  for (const thread of threads) {
    if (!isObj(thread) || !Array.isArray(thread.comments)) {
      out.push(thread);
      continue;
    }
    if (typeof thread.quote === 'string' && thread.quote.length > LIMITS.longField) {
      // The quote is a copy of text the thread was opened on, shown when that text is gone.
      repairs.push({ kind: 'quoteShortened', length: thread.quote.length });
      thread.quote = `${thread.quote.slice(0, cutPoint(thread.quote, LIMITS.longField - 1))}…`;
    }
    const comments: unknown[] = [];
    for (const c of thread.comments as unknown[]) {
      if (!isObj(c) || typeof c.text !== 'string') {
        comments.push(c);
        continue;
      }
      if (cleanMultiline(c.text) === '') {
        leftOut++;
        continue;
      }
      const texts = pieces(c.text, LIMITS.longField);
      if (texts.length > 1) repairs.push({ kind: 'commentSplit', parts: texts.length });
      const base = typeof c.id === 'string' ? c.id.slice(0, 56) : 'c';
      texts.forEach((text, i) => comments.push(i === 0 ? { ...c, text } : { ...c, id: `${base}-${i + 1}`, text }));
    }
    if (comments.length > LIMITS.commentsPerThread) leftOut += comments.splice(LIMITS.commentsPerThread).length;
    if (comments.length === 0) {
      leftOut++;
      continue;
    }
    out.push({ ...thread, comments });
  }
  if (out.length > LIMITS.commentThreads) {
    // Resolved threads are the ones whose conversation is over: they go first.
    let over = out.length - LIMITS.commentThreads;
    for (let i = out.length - 1; i >= 0 && over > 0; i--) {
      const t = out[i];
      if (isObj(t) && t.resolved !== undefined) {
        out.splice(i, 1);
        over--;
        leftOut++;
      }
    }
    if (over > 0) leftOut += out.splice(LIMITS.commentThreads).length;
  }
  if (leftOut > 0) repairs.push({ kind: 'commentsLeftOut', count: leftOut });
  return out;
}
