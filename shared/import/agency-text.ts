/**
 * Import plain text in the agency layout (as the agency publishes interviews; examples in
 * tests/fixtures/import/) into an interview:
 * metadata from the header, participants from the speaker labels, and a body of intro paragraphs,
 * turns and photos. A report says what was found and on what evidence, so the person pasting or
 * importing can check it.
 *
 * Reading order:
 *  1. lines are cleaned (NFC, no controls or invisible characters, ordinary spaces);
 *  2. photo credits and the captions above them are recognised, so they are never taken for turns;
 *  3. label candidates are collected and proven (speakers.ts); the web page's chrome after the
 *     last turn is cut, and the labels are proven again on what remains;
 *  4. lines become paragraphs: one per line, or rejoined when the text is hard-wrapped; a line that
 *     holds several turns (flattened text) is split at the proven labels;
 *  5. the header, intro, turns, photos and byline are put in place.
 *
 * Text is kept as written (the intro keeps its `TTXVN - `), so exporting gives the text back.
 */
import { emptyParagraph, newInterview } from '../model/factory';
import { LIMITS, type Block, type Interview, type Language, type Meta, type Paragraph, type Participant, type ParticipantRole, type Photo, type Turn } from '../model/schema';
import { assignHeader, datelineSource, isBylineLike, isHeadlineWithoutDateline, isWebChrome, type HeaderField } from './article-parts';
import { collapse, labelAtLineStart, labelKey, labelsInsideLine, shortForm } from './labels';
import { isHardWrapped, joinWrapped, prepareLines, toBlocks, type Line } from './lines';
import { captionWithCredit, creditLine, fitsCaption } from './photos';
import { identifySpeakers, type Evidence, type Occurrence, type Speaker, type SpeakerTable } from './speakers';

export interface ImportOptions {
  /** Id of the document built; the importer is pure and does not invent ids. */
  id?: string;
  /** The document's language; by default Vietnamese when the text has Vietnamese letters. */
  language?: Language;
}

export interface ImportReport {
  speakers: Array<{ id: string; label: string; role: ParticipantRole; evidence: Evidence; turns: number }>;
  /** Each turn's evidence: the line it starts on and the label text matched there. */
  turns: Array<{ line: number; matched: string; label: string; speakerId: string }>;
  photos: number;
  /** Lines the importer could not place with confidence; they are kept, as ordinary text. */
  unplaced: Array<{ line: number; text: string; reason: 'unproven-label' | 'credit-without-caption' }>;
  /** The first line of the web page's chrome, dropped with everything after it; null if none. */
  webChromeFromLine: number | null;
  /** The first line left out, with all after it, because the document holds no more blocks; null if none. */
  omittedFromLine: number | null;
}

export interface ImportResult {
  doc: Interview;
  /** The metadata fields the text supplied (the others are the new document's defaults). */
  meta: Partial<Pick<Meta, HeaderField | 'byline' | 'source'>>;
  report: ImportReport;
}

type Item =
  | { kind: 'text'; line: number; text: string }
  | { kind: 'photo'; line: number; caption: string; credit: string }
  | { kind: 'turn'; line: number; speaker: Speaker; matched: string; label: string; text: string };

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const photo = (caption: string, credit: string): Photo => ({ type: 'photo', assetId: null, caption, credit, alt: '', children: [{ text: '' }] });

const VIETNAMESE_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/;

/** Photo credits and the caption line right above each one. */
function photoLines(lines: readonly Line[]): { credit: boolean[]; caption: boolean[] } {
  const credit = lines.map((l) => l.text !== '' && creditLine(l.text) !== null);
  const caption = lines.map((l, i) => l.text !== '' && !credit[i] && credit[i + 1] === true && fitsCaption(l.text));
  return { credit, caption };
}

const ORDER_STRIDE = 1_000_000; // reading order = line index × stride + offset in the line

/** Every label-shaped candidate, at line starts and after sentences inside lines. */
function collectOccurrences(lines: readonly Line[], skip: readonly boolean[]): Occurrence[] {
  const out: Occurrence[] = [];
  lines.forEach((line, i) => {
    if (line.text === '' || skip[i]) return;
    const start = labelAtLineStart(line.text);
    const inside = labelsInsideLine(line.text, start?.matched.length ?? 0);
    const ends = [...inside.map((c) => c.index), line.text.length];
    if (start) {
      const rest = line.text.slice(line.text.length - start.rest.length, ends[0]);
      out.push({ id: out.length, order: i * ORDER_STRIDE, line: line.n, candidate: start, midLine: false, asks: rest.includes('?') });
    }
    inside.forEach((c, k) => {
      const rest = line.text.slice(c.index + c.matched.length, ends[k + 1]);
      out.push({ id: out.length, order: i * ORDER_STRIDE + c.index, line: line.n, candidate: c, midLine: true, asks: rest.includes('?') });
    });
  });
  return out;
}

/** The agency named by the first dateline before the turns, if any: it is a known interviewer label. */
function findSource(lines: readonly Line[]): string {
  for (const line of lines) {
    const source = datelineSource(line.text);
    if (source) return source;
    const label = labelAtLineStart(line.text);
    if (label && label.bullet === '*') break;
  }
  return '';
}

interface Analysis {
  lines: Line[];
  credit: boolean[];
  caption: boolean[];
  table: SpeakerTable;
  /** Accepted line-start occurrence by line index. */
  turnAt: Map<number, Occurrence>;
}

function analyse(lines: Line[], source: string): Analysis {
  const { credit, caption } = photoLines(lines);
  const occurrences = collectOccurrences(
    lines,
    lines.map((_, i) => credit[i]! || caption[i]!),
  );
  const table = identifySpeakers(occurrences, source);
  const turnAt = new Map<number, Occurrence>();
  for (const o of occurrences) if (!o.midLine && table.speakerOf.has(o.id)) turnAt.set(o.order / ORDER_STRIDE, o);
  return { lines, credit, caption, table, turnAt };
}

/** Drops the web page's chrome: from the first chrome line after the last turn to the end. */
function cutWebChrome(a: Analysis): { lines: Line[]; from: number | null } {
  // A loop, not Math.max(...keys): spreading hundreds of thousands of arguments overflows the stack.
  let lastTurn = -1;
  for (const i of a.turnAt.keys()) lastTurn = Math.max(lastTurn, i);
  const cut = a.lines.findIndex((l, i) => i > lastTurn && isWebChrome(l.text));
  return cut < 0 ? { lines: a.lines, from: null } : { lines: a.lines.slice(0, cut), from: a.lines[cut]!.n };
}

interface Segment {
  line: number;
  index: number;
  text: string;
}

/** Lines → paragraphs: one per line, or rejoined when the text is hard-wrapped. */
function segments(a: Analysis): Segment[][] {
  const indexOf = new Map<Line, number>(a.lines.map((l, i) => [l, i]));
  const boundary = (l: Line) => {
    const i = indexOf.get(l)!;
    return a.turnAt.has(i) || a.credit[i]! || /^[*•▪]\s|^[-–—]\s/.test(l.text);
  };
  const blocks = toBlocks(a.lines);
  const wrapped = isHardWrapped(blocks, boundary);
  return blocks.map((block) => {
    const out: Array<{ line: number; index: number; parts: string[] }> = [];
    for (const l of block) {
      const last = out[out.length - 1];
      if (wrapped && last && !boundary(l) && !a.credit[last.index]!) last.parts.push(l.text);
      else out.push({ line: l.n, index: indexOf.get(l)!, parts: [l.text] });
    }
    return out.map((s) => ({ line: s.line, index: s.index, text: joinWrapped(s.parts) }));
  });
}

/** A paragraph holding several turns (flattened text) split at the proven labels inside it. */
function splitAtInlineLabels(text: string, from: number, table: SpeakerTable): Array<{ at: number; speaker: Speaker; matched: string; label: string }> {
  const out: Array<{ at: number; speaker: Speaker; matched: string; label: string }> = [];
  for (const c of labelsInsideLine(text, from)) {
    const speaker = table.byKey.get(labelKey(c.label));
    if (speaker) out.push({ at: c.index, speaker, matched: c.matched, label: c.label });
  }
  return out;
}

function toItems(a: Analysis, report: ImportReport): Item[] {
  const items: Item[] = [];
  for (const block of segments(a)) {
    const first = items.length;
    for (const seg of block) {
      if (a.credit[seg.index]) {
        const previous = items[items.length - 1];
        const hasCaption = items.length > first && previous?.kind === 'text' && fitsCaption(previous.text);
        if (hasCaption) items.pop();
        else report.unplaced.push({ line: seg.line, text: seg.text, reason: 'credit-without-caption' });
        items.push({ kind: 'photo', line: hasCaption ? previous.line : seg.line, caption: hasCaption ? previous.text : '', credit: creditLine(seg.text)! });
        continue;
      }
      const occurrence = a.turnAt.get(seg.index);
      const splits = splitAtInlineLabels(seg.text, occurrence?.candidate.matched.length ?? 0, a.table);
      const head = seg.text.slice(0, splits[0]?.at ?? seg.text.length).trim();
      if (occurrence) {
        const c = occurrence.candidate;
        const text = head.slice(c.matched.length).trim();
        items.push({ kind: 'turn', line: seg.line, speaker: a.table.speakerOf.get(occurrence.id)!, matched: c.matched, label: c.label, text });
      } else if (head !== '') {
        const captioned = captionWithCredit(head);
        items.push(captioned ? { kind: 'photo', line: seg.line, ...captioned } : { kind: 'text', line: seg.line, text: head });
      }
      splits.forEach((s, k) => {
        const text = seg.text.slice(s.at + s.matched.length, splits[k + 1]?.at ?? seg.text.length).trim();
        items.push({ kind: 'turn', line: seg.line, speaker: s.speaker, matched: s.matched, label: s.label, text });
      });
    }
  }
  return items;
}

/** Participants from the speakers found, ids p1, p2, … in order of their first turn. */
function toParticipants(speakers: readonly Speaker[]): Map<Speaker, Participant> {
  const out = new Map<Speaker, Participant>();
  speakers.forEach((sp, i) => {
    // `Hoàng Anh Tuấn (HAT)`: the abbreviation introduced the short form; the label is the name.
    const paren = /\s*\(([^()]*)\)/.exec(sp.label);
    const label = paren && shortForm(paren[1]!) ? collapse(sp.label.replace(paren[0], ' ')) : sp.label;
    out.set(sp, { id: `p${i + 1}`, label, fullName: sp.description.fullName, title: sp.description.title, role: sp.role });
  });
  return out;
}

export function importAgencyText(text: string, options: ImportOptions = {}): ImportResult {
  const report: ImportReport = { speakers: [], turns: [], photos: 0, unplaced: [], webChromeFromLine: null, omittedFromLine: null };
  const all = prepareLines(text);
  const source = findSource(all);
  // Labels are proven twice: once to find where the turns end (and the web chrome begins), and
  // again without the chrome, whose related headlines must not count as evidence.
  const cut = cutWebChrome(analyse(all, source));
  report.webChromeFromLine = cut.from;
  const analysis = analyse(cut.lines, source);
  const items = toItems(analysis, report);

  const meta: ImportResult['meta'] = {};
  const firstTurn = items.findIndex((it) => it.kind === 'turn');
  const front = firstTurn < 0 ? items : items.slice(0, firstTurn);
  const rest = firstTurn < 0 ? [] : items.slice(firstTurn);

  // Header: the text lines before the dateline intro (or, without one, a title-like first line).
  const frontTexts = front.filter((it) => it.kind === 'text');
  const dateline = frontTexts.findIndex((it) => datelineSource(it.text) !== null);
  const header = new Set<Item>();
  if (dateline >= 0) {
    meta.source = datelineSource(frontTexts[dateline]!.text)!;
    const candidates = frontTexts.slice(0, dateline);
    assignHeader(candidates.map((it) => it.text)).forEach((field, i) => {
      if (field) {
        meta[field] = candidates[i]!.text;
        header.add(candidates[i]!);
      }
    });
  } else if (firstTurn >= 0 && frontTexts.length > 0 && front[0] === frontTexts[0] && isHeadlineWithoutDateline(frontTexts[0]!.text)) {
    meta.headline = frontTexts[0]!.text;
    header.add(frontTexts[0]!);
  }

  // Byline: a name on its own after the last turn.
  const last = rest[rest.length - 1];
  if (last?.kind === 'text' && isBylineLike(last.text)) {
    meta.byline = last.text;
    rest.pop();
  }

  const participants = toParticipants(analysis.table.speakers);
  const body: Block[] = [];
  // The model caps the blocks of the body and of a turn; one place is kept in each for the empty
  // paragraph normalisation adds after a final photo. An answer longer than a turn holds goes on in
  // a turn by the same speaker; text beyond the body's cap is left out and reported.
  const room = { body: LIMITS.bodyBlocks - 1, turn: LIMITS.blocksPerTurn - 1 };
  const place = (block: Block, line: number): boolean => {
    if (body.length < room.body) body.push(block);
    else report.omittedFromLine ??= line;
    return report.omittedFromLine === null;
  };
  for (const it of front) {
    if (header.has(it)) continue;
    if (it.kind === 'text' && !place(paragraph(it.text), it.line)) break;
    if (it.kind === 'photo' && !place(photo(it.caption, it.credit), it.line)) break;
  }
  let turn: Turn | null = null;
  for (const it of report.omittedFromLine === null ? rest : []) {
    if (it.kind === 'turn') {
      const speakerId = participants.get(it.speaker)!.id;
      turn = { type: 'turn', speakerId, children: it.text === '' ? [] : [paragraph(it.text)] };
      if (!place(turn, it.line)) break;
      report.turns.push({ line: it.line, matched: it.matched, label: it.label, speakerId });
      continue;
    }
    if (turn!.children.length >= room.turn) {
      turn = { type: 'turn', speakerId: turn!.speakerId, children: [] };
      if (!place(turn, it.line)) break;
    }
    turn!.children.push(it.kind === 'text' ? paragraph(it.text) : photo(it.caption, it.credit));
  }
  for (const block of body) if (block.type === 'turn' && block.children.length === 0) block.children.push(emptyParagraph());
  report.photos = items.filter((it) => it.kind === 'photo').length;

  // One-off labels without evidence, inside the turns where a wrong guess matters.
  const firstTurnLine = report.turns[0]?.line ?? Infinity;
  for (const o of analysis.table.unproven) {
    if (o.line > firstTurnLine) report.unplaced.push({ line: o.line, text: analysis.lines[o.order / ORDER_STRIDE]!.text, reason: 'unproven-label' });
  }
  report.unplaced.sort((x, y) => x.line - y.line);

  const turnsOf = new Map<string, number>();
  for (const t of report.turns) turnsOf.set(t.speakerId, (turnsOf.get(t.speakerId) ?? 0) + 1);
  for (const [sp, p] of participants) {
    report.speakers.push({ id: p.id, label: p.label, role: p.role, evidence: sp.evidence, turns: turnsOf.get(p.id) ?? 0 });
  }

  const language = options.language ?? (VIETNAMESE_LETTERS.test(text.normalize('NFC')) ? 'vi' : 'en');
  const doc = newInterview(options.id ?? 'imported', language);
  doc.meta = { ...doc.meta, ...meta };
  doc.participants = [...participants.values()];
  doc.body = body.length > 0 ? body : [emptyParagraph()];
  return { doc, meta, report };
}
