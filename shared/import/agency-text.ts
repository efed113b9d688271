/**
 * Import plain text in the agency layout — and in the other layouts newsrooms publish interviews in
 * (examples in tests/fixtures/import/) — into an interview: metadata from the header, participants
 * from the speaker labels, and a body of intro paragraphs, turns and photos. A report says what was
 * found and on what evidence, and every place the importer was unsure of (findings.ts), so the
 * person pasting or importing can check it.
 *
 * Reading order:
 *  1. lines are cleaned (NFC, no controls or invisible characters, ordinary spaces), misdecoded
 *     UTF-8 is repaired, flattened lines are split at their former breaks (lines.ts);
 *  2. hard-wrapped lines are rejoined into paragraphs (hard-wrap.ts);
 *  3. photos (captions, credits, placeholders: captions.ts) and page furniture (furniture.ts) are
 *     recognised, so they are never taken for turns;
 *  4. label candidates are collected and proven (speakers.ts, labels/); the web page's chrome after
 *     the last turn is cut, and the labels are proven again on what remains;
 *  5. lines become paragraphs; a line that holds several turns (flattened text) is split at the
 *     proven labels;
 *  6. what labels do not say is recovered, on evidence: dash-only dialogue (dash-dialogue.ts),
 *     questions whose label was lost (questions.ts), a headline printed like a turn;
 *  7. the header, dateline, intro, turns, photos and byline are put in place.
 *
 * Text is kept as written (the intro keeps its `TTXVN - `), so exporting gives the text back. When
 * unsure, the importer keeps the words and reports; what it leaves out (page furniture, a full
 * document) is reported with its line numbers.
 */
import { emptyParagraph, newInterview } from '../model/factory';
import { LIMITS, type Block, type Interview, type Language, type Meta, type Paragraph, type Participant, type ParticipantRole, type Photo, type Turn } from '../model/schema';
import { takeByline, takeFrontMatter, type HeaderField } from './article-parts';
import { findPhotos, type CaptionScan } from './captions';
import { readDashDialogue } from './dash-dialogue';
import { datelineSource, parseDateline } from './dateline';
import { excerpt, type ImportFinding, type ImportFindingKind } from './findings';
import { provenLabelsInside } from './flatten';
import { findFurniture, isWebChrome } from './furniture';
import { reflow } from './hard-wrap';
import type { Item, TurnItem } from './items';
import { describeSpeaker } from './labels/names';
import { isInterviewerLabel } from './labels/roles';
import { collapse, endsSentence, labelAtLineStart, labelKey, labelsInsideLine, shortForm, type LabelCandidate } from './labels/shape';
import { detectLanguage } from './language';
import { prepareText, type Line } from './lines';
import { captionWithCredit } from './photos';
import { recoverQuestions } from './questions';
import { identifySpeakers, type Evidence, type Occurrence, type Speaker, type SpeakerTable } from './speakers';

export type { ImportFinding, ImportFindingKind } from './findings';
export { describeImportFinding } from './findings';

export interface ImportOptions {
  /** Id of the document built; the importer is pure and does not invent ids. */
  id?: string;
  /** The document's language; by default the language the text is written in (language.ts). */
  language?: Language;
}

export interface ImportReport {
  speakers: Array<{ id: string; label: string; role: ParticipantRole; evidence: Evidence; turns: number }>;
  /** Each turn's evidence: the line it starts on and the label text matched there ('' for an unlabelled turn). */
  turns: Array<{ line: number; matched: string; label: string; speakerId: string }>;
  photos: number;
  /** Lines the importer could not place with confidence; they are kept, as ordinary text. */
  unplaced: Array<{ line: number; text: string; reason: 'unproven-label' | 'credit-without-caption' }>;
  /** The first line of the web page's chrome, dropped with everything after it; null if none. */
  webChromeFromLine: number | null;
  /** The first line left out, with all after it, because the document holds no more blocks; null if none. */
  omittedFromLine: number | null;
  /** Everything the importer was unsure of or left out, one finding per place, in line order. */
  findings: ImportFinding[];
  /** The language the text is written in, read from the text as a whole. */
  language: Language;
}

export interface ImportResult {
  doc: Interview;
  /** The metadata fields the text supplied (the others are the new document's defaults). */
  meta: Partial<Pick<Meta, HeaderField | 'byline' | 'source'>>;
  report: ImportReport;
}

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const photo = (caption: string, credit: string): Photo => ({ type: 'photo', assetId: null, caption, credit, alt: '', children: [{ text: '' }] });

const ORDER_STRIDE = 1_000_000; // reading order = line index × stride + offset in the line

/** The label at the start of each line, read once however many steps ask (labels/shape.ts `labelAtLineStart`). */
type LabelsAtStart = (i: number) => LabelCandidate | null;

function labelsAtStart(lines: readonly Line[]): LabelsAtStart {
  const read: Array<LabelCandidate | null | undefined> = new Array<LabelCandidate | null | undefined>(lines.length);
  return (i) => {
    let label = read[i];
    if (label === undefined) read[i] = label = labelAtLineStart(lines[i]!.text);
    return label;
  };
}

/** Whether the text after a label, up to the next label, asks something (looked for in place, not copied out). */
function asksBetween(text: string, from: number, to: number): boolean {
  const q = text.indexOf('?', from);
  return q >= 0 && q < to;
}

/** Every label-shaped candidate, at line starts and after sentences inside lines. */
function collectOccurrences(lines: readonly Line[], skip: readonly boolean[], labelAt: LabelsAtStart): Occurrence[] {
  const out: Occurrence[] = [];
  let para = -1;
  lines.forEach((line, i) => {
    if (line.text !== '') para++;
    if (line.text === '' || skip[i]) return;
    const start = labelAt(i);
    const from = start?.matched.length ?? 0;
    const inside = line.text.indexOf(':', from) < 0 && line.text.indexOf('：', from) < 0 ? [] : labelsInsideLine(line.text, from);
    const endOf = (k: number) => (k < inside.length ? inside[k]!.index : line.text.length);
    if (start) {
      out.push({ id: out.length, order: i * ORDER_STRIDE, line: line.n, candidate: start, midLine: false, asks: asksBetween(line.text, line.text.length - start.rest.length, endOf(0)), para });
    }
    inside.forEach((c, k) => {
      out.push({ id: out.length, order: i * ORDER_STRIDE + c.index, line: line.n, candidate: c, midLine: true, asks: asksBetween(line.text, c.index + c.matched.length, endOf(k + 1)), para });
    });
  });
  return out;
}

/** The agency named by the first dateline before the turns, if any: it is a known interviewer label. */
function findSource(lines: readonly Line[], labelAt: LabelsAtStart): string {
  for (let i = 0; i < lines.length; i++) {
    const source = datelineSource(lines[i]!.text);
    if (source) return source;
    const label = labelAt(i);
    if (label && label.bullet === '*') break;
  }
  return '';
}

/**
 * Where the header ends: the line of the dateline, when one opens the intro within the first
 * lines and no reporter's turn comes before it. Labels above it are a headline's (`Bác sĩ Trần Thu
 * Hà: "Đừng tự mua kháng sinh"`), not turns.
 */
function headerEnd(lines: readonly Line[], skip: readonly boolean[], labelAt: LabelsAtStart): number {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 15; i++) {
    const text = lines[i]!.text;
    if (text === '' || skip[i]) continue;
    seen++;
    if (parseDateline(text)) return i;
    const label = labelAt(i);
    if (label && (label.bullet !== '' || isInterviewerLabel(label.label))) return 0;
  }
  return 0;
}

interface Analysis {
  table: SpeakerTable;
  /** Accepted line-start occurrence by line index. */
  turnAt: Map<number, Occurrence>;
}

function analyse(occurrences: readonly Occurrence[], source: string): Analysis {
  const table = identifySpeakers(occurrences, source);
  const turnAt = new Map<number, Occurrence>();
  for (const o of occurrences) if (!o.midLine && table.speakerOf.has(o.id)) turnAt.set(o.order / ORDER_STRIDE, o);
  return { table, turnAt };
}

/** The first line of the web page's chrome after the last turn (it and all after it are dropped), or lines.length. */
function chromeStart(lines: readonly Line[], a: Analysis): number {
  // A loop, not Math.max(...keys): spreading hundreds of thousands of arguments overflows the stack.
  let lastTurn = -1;
  for (const i of a.turnAt.keys()) lastTurn = Math.max(lastTurn, i);
  const cut = lines.findIndex((l, i) => i > lastTurn && isWebChrome(l.text));
  return cut < 0 ? lines.length : cut;
}

interface Split {
  at: number;
  speaker: Speaker;
  matched: string;
  label: string;
  /** No sentence end before it: a caption (or other fragment) may precede it (flattened text). */
  unpunctuated: boolean;
}

/** A paragraph holding several turns (flattened text) split at the proven labels inside it. */
const NO_SPLITS: readonly Split[] = [];

function splitAtInlineLabels(line: Line, from: number, table: SpeakerTable): readonly Split[] {
  const { text } = line;
  if (text.indexOf(':', from) < 0 && text.indexOf('：', from) < 0) return NO_SPLITS;
  const out: Split[] = [];
  for (const c of labelsInsideLine(text, from)) {
    const speaker = table.byKey.get(labelKey(c.label));
    if (speaker) out.push({ at: c.index, speaker, matched: c.matched, label: c.label, unpunctuated: false });
  }
  if (!line.flat) return out;
  // Both lists are in order: merge them, the sentence-end splits winning where they overlap.
  const merged: Split[] = [];
  let k = 0;
  for (const c of provenLabelsInside(text, from, (key) => table.byKey.has(key))) {
    while (k < out.length && out[k]!.at + out[k]!.matched.length <= c.index) merged.push(out[k++]!);
    if (k < out.length && out[k]!.at < c.index + c.matched.length) continue;
    merged.push({ at: c.index, speaker: table.byKey.get(labelKey(c.label))!, matched: c.matched, label: c.label, unpunctuated: true });
  }
  while (k < out.length) merged.push(out[k++]!);
  return merged;
}

/** `… chợ nổi. Bà Út bán trái cây tại chợ nổi Cái Răng` → the text before the last sentence, and the fragment after it. */
function splitTrailingFragment(text: string): { before: string; fragment: string } {
  const m = /^(.*[.?!…]["”»)]*)\s+([^.?!…]+)$/u.exec(text);
  return m ? { before: m[1]!.trim(), fragment: m[2]!.trim() } : { before: '', fragment: text.trim() };
}

interface Context {
  lines: Line[];
  scan: CaptionScan;
  dropped: boolean[];
  end: number;
  a: Analysis;
  guessedCaptions: Array<{ line: number; caption: string }>;
}

function toItems(c: Context, report: ImportReport): Item[] {
  const items: Item[] = [];
  const photoAt = new Map(c.scan.photos.map((p) => [p.at, p]));
  const pushText = (line: number, text: string, flat: boolean) => {
    if (text === '') return;
    const captioned = captionWithCredit(text);
    if (!captioned) {
      items.push({ kind: 'text', line, text });
      return;
    }
    // In a flattened line a caption is only the last sentence before its credit.
    if (flat) {
      const bare = captioned.caption.replace(/[.?!…]["”»)]*$/, '');
      const { before, fragment } = splitTrailingFragment(bare);
      if (before !== '') {
        const caption = fragment + captioned.caption.slice(bare.length);
        items.push({ kind: 'text', line, text: before });
        items.push({ kind: 'photo', line, caption, credit: captioned.credit, guessed: true });
        c.guessedCaptions.push({ line, caption });
        return;
      }
    }
    items.push({ kind: 'photo', line, ...captioned });
  };
  /** Text that ends right before a label with no sentence end between: its last fragment is a caption. */
  const pushBeforeUnpunctuated = (line: number, text: string, inTurn: boolean): string => {
    const { before, fragment } = splitTrailingFragment(text);
    if (fragment === '' || (inTurn && before === '') || fragment.length > 300) return text;
    items.push({ kind: 'photo', line, caption: fragment, credit: '', guessed: true });
    c.guessedCaptions.push({ line, caption: fragment });
    return before;
  };

  for (let i = 0; i < c.end; i++) {
    const line = c.lines[i]!;
    if (line.text === '' || c.dropped[i]) continue;
    const mark = photoAt.get(i);
    if (mark) {
      items.push({ kind: 'photo', line: line.n, caption: mark.caption, credit: mark.credit, guessed: mark.guessed });
      if (mark.guessed) c.guessedCaptions.push({ line: c.lines[mark.captionLine ?? i]!.n, caption: mark.caption });
      if (mark.noCaption) report.unplaced.push({ line: line.n, text: line.text, reason: 'credit-without-caption' });
      continue;
    }
    if (c.scan.used[i]) continue;
    const occurrence = c.a.turnAt.get(i);
    const splits = splitAtInlineLabels(line, occurrence?.candidate.matched.length ?? 0, c.a.table);
    const head = line.text.slice(0, splits[0]?.at ?? line.text.length).trim();
    // Pieces are pushed in order; a caption found before an unpunctuated label goes after the text it ends.
    if (occurrence) {
      const cand = occurrence.candidate;
      let text = head.slice(cand.matched.length).trim();
      let caption: Item[] = [];
      if (splits[0]?.unpunctuated) {
        const at = items.length;
        text = pushBeforeUnpunctuated(line.n, text, true);
        caption = items.splice(at);
      }
      items.push({ kind: 'turn', line: line.n, speaker: c.a.table.speakerOf.get(occurrence.id)!, matched: cand.matched, label: cand.label, text });
      if (caption.length > 0) items.push(...caption);
    } else if (head !== '') {
      if (splits[0]?.unpunctuated) {
        const at = items.length;
        const before = pushBeforeUnpunctuated(line.n, head, false);
        const caption = items.splice(at);
        pushText(line.n, before, !!line.flat);
        items.push(...caption);
      } else {
        pushText(line.n, head, !!line.flat);
      }
    }
    splits.forEach((s, k) => {
      const next = splits[k + 1];
      let text = line.text.slice(s.at + s.matched.length, next?.at ?? line.text.length).trim();
      const caption: Item[] = [];
      if (next?.unpunctuated) {
        const at = items.length;
        text = pushBeforeUnpunctuated(line.n, text, true);
        caption.push(...items.splice(at));
      }
      items.push({ kind: 'turn', line: line.n, speaker: s.speaker, matched: s.matched, label: s.label, text });
      items.push(...caption);
    });
  }
  return items;
}

/** Participants from the speakers of the turns, ids p1, p2, … in order of their first turn. */
function toParticipants(items: readonly Item[]): Map<Speaker, Participant> {
  const out = new Map<Speaker, Participant>();
  for (const it of items) {
    if (it.kind !== 'turn' || out.has(it.speaker)) continue;
    const sp = it.speaker;
    // `Hoàng Anh Tuấn (HAT)`: the abbreviation introduced the short form; the label is the name.
    const paren = /\s*\(([^()]*)\)/.exec(sp.label);
    const label = paren && shortForm(paren[1]!) ? collapse(sp.label.replace(paren[0], ' ')) : sp.label;
    out.set(sp, { id: `p${out.size + 1}`, label, fullName: sp.description.fullName, title: sp.description.title, role: sp.role });
    if (out.size >= LIMITS.participants) break;
  }
  return out;
}

/**
 * The document's body from the items: intro blocks, then turns with their paragraphs and photos.
 * The model caps the blocks of the body and of a turn; one place is kept in each for the empty
 * paragraph normalisation adds after a final photo. An answer longer than a turn holds goes on in a
 * turn by the same speaker; text beyond the body's cap is left out and reported.
 */
function buildBody(intro: readonly Item[], rest: readonly Item[], participants: ReadonlyMap<Speaker, Participant>, report: ImportReport): Block[] {
  const body: Block[] = [];
  const room = { body: LIMITS.bodyBlocks - 1, turn: LIMITS.blocksPerTurn - 1 };
  const place = (block: Block, line: number): boolean => {
    if (body.length < room.body) body.push(block);
    else report.omittedFromLine ??= line;
    return report.omittedFromLine === null;
  };
  for (const it of intro) {
    if (it.kind === 'text' && !place(paragraph(it.text), it.line)) break;
    if (it.kind === 'photo' && !place(photo(it.caption, it.credit), it.line)) break;
  }
  let turn: Turn | null = null;
  for (const it of report.omittedFromLine === null ? rest : []) {
    if (it.kind === 'turn') {
      const participant = participants.get(it.speaker)!;
      turn = { type: 'turn', speakerId: participant.id, children: it.text === '' ? [] : [paragraph(it.text)] };
      if (!place(turn, it.line)) break;
      report.turns.push({ line: it.line, matched: it.matched, label: it.label || participant.label, speakerId: participant.id });
      continue;
    }
    if (turn!.children.length >= room.turn) {
      turn = { type: 'turn', speakerId: turn!.speakerId, children: [] };
      if (!place(turn, it.line)) break;
    }
    turn!.children.push(it.kind === 'text' ? paragraph(it.text) : photo(it.caption, it.credit));
  }
  for (const block of body) if (block.type === 'turn' && block.children.length === 0) block.children.push(emptyParagraph());
  return body;
}

/** The findings read off what was built: one-off and merged labels, repeated speakers, guessed captions, lines kept or left out. */
function findingsOfBuild(report: ImportReport, participants: ReadonlyMap<Speaker, Participant>, table: SpeakerTable, guessedCaptions: Context['guessedCaptions'], lines: readonly Line[]): ImportFinding[] {
  const out: ImportFinding[] = [];
  const turnsOf = new Map<string, number>();
  const firstTurnOf = new Map<string, ImportReport['turns'][number]>();
  for (const t of report.turns) {
    turnsOf.set(t.speakerId, (turnsOf.get(t.speakerId) ?? 0) + 1);
    if (!firstTurnOf.has(t.speakerId)) firstTurnOf.set(t.speakerId, t);
  }
  // A speaker proven by one printed label alone, with no other form of it anywhere.
  for (const [sp, p] of participants) {
    if ((sp.evidence !== 'bullet' && sp.evidence !== 'answers-question' && sp.evidence !== 'line-shape') || turnsOf.get(p.id) !== 1) continue;
    const t = firstTurnOf.get(p.id);
    if (t) out.push({ kind: 'label-once', line: t.line, text: t.label });
  }
  const turnLines = new Set(report.turns.map((t) => `${t.line} ${t.speakerId}`));
  for (const m of table.merged) {
    const p = participants.get(m.into);
    if (p && turnLines.has(`${m.line} ${p.id}`)) out.push({ kind: 'label-merged', line: m.line, text: m.label, detail: p.label });
  }
  for (const a of table.ambiguous) out.push({ kind: 'label-ambiguous', line: a.line, text: a.label, detail: a.candidates.join(' / ') });
  const labelOf = new Map([...participants.values()].map((p) => [p.id, p.label]));
  report.turns.forEach((t, k) => {
    if (k > 0 && report.turns[k - 1]!.speakerId === t.speakerId) out.push({ kind: 'same-speaker-twice', line: t.line, text: t.label, detail: labelOf.get(t.speakerId) });
  });
  for (const g of guessedCaptions) out.push({ kind: 'caption-guessed', line: g.line, text: g.caption });
  for (const u of report.unplaced) out.push({ kind: u.reason, line: u.line, text: u.text });
  if (report.omittedFromLine !== null) out.push({ kind: 'text-omitted', line: report.omittedFromLine, text: '' });
  if (report.turns.length === 0) {
    const first = lines.find((l) => l.text !== '');
    if (first) out.push({ kind: 'no-speaker', line: first.n, text: excerpt(first.text) });
  }
  return out;
}

/** A speaker the text does not name: the app's default name for the role, in the document's language. */
function placeholderSpeaker(role: ParticipantRole, language: Language): Speaker {
  const label = newInterview('placeholder', language).participants.find((p) => p.role === role)!.label;
  return { key: `\u0000placeholder-${role}`, label, role, evidence: 'placeholder', description: describeSpeaker(label, role === 'interviewer') };
}

const FINDING_ORDER: Record<ImportFindingKind, number> = {
  'no-speaker': 0, 'encoding-repaired': 1, 'furniture-dropped': 2, 'placeholder-speaker': 3, 'label-merged': 4, 'label-ambiguous': 4, 'label-once': 5, 'unproven-label': 6,
  'same-speaker-twice': 7, 'unlabelled-question': 8, 'alternation-doubtful': 9, 'caption-guessed': 10, 'credit-without-caption': 11, 'text-omitted': 12,
  // Machine transcripts' own (transcripts/); the text importer never reports them.
  'transcript-unreadable': 0, 'transcript-untimed': 13, 'transcript-bad-time': 13, 'transcript-time-order': 13, 'transcript-garbled': 13, 'transcript-doubtful': 13,
  'transcript-speaker-named': 13, 'transcript-speaker-limit': 13, 'transcript-no-speaker': 13, 'interviewer-guessed': 13,
  // Word documents' own (docx/); they lead, as they say how the whole file was read.
  'docx-revisions': 0, 'docx-picture-unsupported': 0,
};

export function importAgencyText(text: string, options: ImportOptions = {}): ImportResult {
  const findings: ImportFinding[] = [];
  const prepared = prepareText(text);
  const { lines } = reflow(prepared.lines);
  const scan = findPhotos(lines);
  let furniture = findFurniture(lines, scan.used, scan.copyrightAlone);
  const dropped = lines.map(() => false);
  for (const f of furniture) if (f.reason !== 'pull-quote') for (let i = f.from; i <= f.to; i++) dropped[i] = true;
  // The language of the text itself, page furniture aside.
  const detected = detectLanguage(lines.filter((_, i) => !dropped[i]));
  const language = options.language ?? detected.language;
  const report: ImportReport = { speakers: [], turns: [], photos: 0, unplaced: [], webChromeFromLine: null, omittedFromLine: null, findings, language: detected.language };
  if (prepared.repaired.length > 0) {
    const first = prepared.lines.find((l) => l.n === prepared.repaired[0]);
    findings.push({ kind: 'encoding-repaired', line: prepared.repaired[0]!, toLine: prepared.repaired[prepared.repaired.length - 1]!, text: first?.text ?? '' });
  }

  const skip = lines.map((_, i) => scan.used[i]! || dropped[i]!);
  const labelAt = labelsAtStart(lines);
  const headerLines = headerEnd(lines, skip, labelAt);
  const source = findSource(lines, labelAt);
  const occurrences = collectOccurrences(
    lines,
    skip.map((s, i) => s || i < headerLines),
    labelAt,
  );

  // Labels are proven twice: once to find where the turns end (and the web chrome begins), and
  // again without the chrome, whose related headlines must not count as evidence.
  const first = analyse(occurrences, source);
  const end = chromeStart(lines, first);
  // A pull-quote repeats the story inside the interview; above it, a quoted line is the headline.
  let firstTurnAt = lines.length;
  for (const i of first.turnAt.keys()) firstTurnAt = Math.min(firstTurnAt, i);
  furniture = furniture.filter((f) => f.reason !== 'pull-quote' || f.from > firstTurnAt);
  for (const f of furniture) if (f.reason === 'pull-quote') dropped[f.from] = true;
  // (A logical line may span several lines of the text, when hard-wrapped lines were joined.)
  const lastLineOf = (i: number) => lines[i]!.to ?? lines[i]!.n;
  if (end < lines.length) {
    report.webChromeFromLine = lines[end]!.n;
    let last = lines.length - 1;
    while (last > end && lines[last]!.text === '') last--;
    findings.push({ kind: 'furniture-dropped', line: lines[end]!.n, toLine: lastLineOf(last), text: lines[end]!.text });
  }
  for (const f of furniture) {
    if (f.from >= end) continue;
    const toLine = lastLineOf(f.to);
    findings.push({ kind: 'furniture-dropped', line: lines[f.from]!.n, ...(toLine !== lines[f.from]!.n ? { toLine } : {}), text: lines[f.from]!.text });
  }
  const analysis = end < lines.length ? analyse(occurrences.filter((o) => o.order / ORDER_STRIDE < end), source) : first;
  const context: Context = { lines, scan, dropped, end, a: analysis, guessedCaptions: [] };
  let items = toItems(context, report);

  // Dash-only dialogue, when no label was found at all.
  if (!items.some((it) => it.kind === 'turn')) {
    const dash = readDashDialogue(items, { ask: placeholderSpeaker('interviewer', language), answer: placeholderSpeaker('interviewee', language) });
    if (dash) {
      items = dash.items;
      findings.push(...dash.findings);
    }
  }

  // A headline printed like a turn (`Nhà văn Bảo Ninh: Viết để nhớ`): the text's first line, a guest's
  // label and a title with no full stop, and more turns after it.
  const firstItem = items[0];
  if (
    firstItem?.kind === 'turn' &&
    firstItem.speaker.role !== 'interviewer' &&
    firstItem.matched !== '' &&
    firstItem.text !== '' &&
    !endsSentence(firstItem.text) &&
    firstItem.text.length <= 150 &&
    items.filter((it) => it.kind === 'turn').length > 2
  ) {
    items[0] = { kind: 'text', line: firstItem.line, text: collapse(`${firstItem.matched} ${firstItem.text}`) };
  }

  const front = takeFrontMatter(items);
  items = front.items;
  const byline = takeByline(items);
  items = byline.items;
  const meta: ImportResult['meta'] = { ...front.meta, ...(byline.byline !== null ? { byline: byline.byline } : {}) };

  // Questions whose label was lost, given to the interviewer.
  const interviewers = new Set(items.flatMap((it) => (it.kind === 'turn' && it.speaker.role === 'interviewer' ? [it.speaker] : [])));
  const made: { placeholder: Speaker | null } = { placeholder: null };
  const interviewer =
    interviewers.size > 1
      ? null
      : () => {
          if (interviewers.size === 1) return [...interviewers][0]!;
          made.placeholder ??= placeholderSpeaker('interviewer', language);
          return made.placeholder;
        };
  const recovered = recoverQuestions(items, interviewer);
  items = recovered.items;
  findings.push(...recovered.findings);
  const asker = made.placeholder;
  if (asker) {
    const first = items.find((it): it is TurnItem => it.kind === 'turn' && it.speaker === asker);
    if (first) findings.push({ kind: 'placeholder-speaker', line: first.line, text: first.text, detail: asker.label });
  }

  // Beyond the model's number of participants a turn stays text, in the turn before it.
  const participants = toParticipants(items);
  items = items.map((it) => (it.kind === 'turn' && !participants.has(it.speaker) ? { kind: 'text', line: it.line, text: collapse(`${it.matched} ${it.text}`) } : it));

  const firstTurn = items.findIndex((it) => it.kind === 'turn');
  const intro = firstTurn < 0 ? items : items.slice(0, firstTurn);
  const rest = firstTurn < 0 ? [] : items.slice(firstTurn);

  const body = buildBody(intro, rest, participants, report);
  report.photos = items.filter((it) => it.kind === 'photo').length;

  // One-off labels without evidence, inside the turns where a wrong guess matters.
  const firstTurnLine = report.turns[0]?.line ?? Infinity;
  for (const o of analysis.table.unproven) {
    if (o.line > firstTurnLine) report.unplaced.push({ line: o.line, text: lines[o.order / ORDER_STRIDE]!.text, reason: 'unproven-label' });
  }
  report.unplaced.sort((x, y) => x.line - y.line);

  const turnsOf = new Map<string, number>();
  for (const t of report.turns) turnsOf.set(t.speakerId, (turnsOf.get(t.speakerId) ?? 0) + 1);
  for (const [sp, p] of participants) {
    report.speakers.push({ id: p.id, label: p.label, role: p.role, evidence: sp.evidence, turns: turnsOf.get(p.id) ?? 0 });
  }

  findings.push(...findingsOfBuild(report, participants, analysis.table, context.guessedCaptions, lines));
  findings.sort((x, y) => x.line - y.line || FINDING_ORDER[x.kind] - FINDING_ORDER[y.kind]);

  const doc = newInterview(options.id ?? 'imported', language);
  doc.meta = { ...doc.meta, ...meta };
  doc.participants = [...participants.values()];
  doc.body = body.length > 0 ? body : [emptyParagraph()];
  return { doc, meta, report };
}
