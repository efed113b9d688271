/**
 * Which label-shaped candidates are speakers. Ordinary sentences can look like labels
 * (`Long An: Kết nạp…`, `Kết quả như sau: …`), so a label becomes a speaker only on evidence:
 *
 * - known: a reporter or outlet label (`Phóng viên`, `PV`, `BBC`, `Minh Anh – RFA`), or both halves
 *   of a pair (`Q`/`A`);
 * - repeated: the same label starts two or more paragraphs, and reads like a name or role; or, in
 *   damaged text (`Phong vin:`, `ng Trn Vn Binh:`), it alternates at line starts with another label;
 * - alias: another form of a speaker found already (labels/aliases.ts: `HAT` for
 *   `Hoàng Anh Tuấn (HAT)`, `CS` for `CYNTHIA SMITH`, `Doe` for `JANE DOE`);
 * - bullet: a one-off label with the bullet the other turns use (`* Bà Lan: …`);
 * - answers-question: a one-off label right after the interviewer's turn (a press conference's officials);
 * - line-shape: a one-off label whose line is unmistakable — at a line's start, a colon, then a
 *   sentence — in a run of such labels (a short text, vox pops) or just before the reporter's turn.
 *
 * One-off labels are reported (label-once findings), and so are merged forms (label-merged).
 * A label after a dash (`GEORGE SMITH - …`) needs repetition in that form: dashes also join names
 * and titles in captions and datelines (`TTXVN - `).
 */
import { LIMITS, type ParticipantRole } from '../model/schema';
import { findAliases, fullerLabel, groupAliases, type AliasKind } from './labels/aliases';
import { describeSpeaker, parseLabelName, type SpeakerDescription } from './labels/names';
import { isInterviewerLabel, pairIndex, pairRole } from './labels/roles';
import { endsSentence, labelKey, looksLikeLabel, startsSentence, type LabelCandidate } from './labels/shape';

/** `transcript`: named by a machine transcript's speaker field or a proven `Name:` prefix (import/transcripts/). */
export type Evidence = 'known' | 'repeated' | 'alias' | 'bullet' | 'answers-question' | 'line-shape' | 'placeholder' | 'transcript';

export interface Occurrence {
  id: number;
  /** Position in reading order (line index, then offset), to find the turn before. */
  order: number;
  line: number;
  candidate: LabelCandidate;
  /** Found after a sentence inside a line rather than at the line's start. */
  midLine: boolean;
  /** The text after the label asks something. */
  asks: boolean;
  /** Index of its paragraph among the text's non-blank lines: two labels in adjacent paragraphs differ by 1. */
  para: number;
}

export interface Speaker {
  key: string;
  /** The label as printed (the fullest form, when several forms are one speaker). */
  label: string;
  role: ParticipantRole;
  evidence: Evidence;
  description: SpeakerDescription;
}

export interface SpeakerTable {
  speakers: Speaker[];
  /** The speaker of each accepted occurrence, by occurrence id. */
  speakerOf: Map<number, Speaker>;
  /** Every accepted label (and short form), by labelKey: splits text flattened onto one line. */
  byKey: ReadonlyMap<string, Speaker>;
  /** Line-start candidates that read like labels but had no evidence: kept as text, worth a look. */
  unproven: Occurrence[];
  /** Labels read as another printed form of a speaker, at their first line. */
  merged: Array<{ line: number; label: string; into: Speaker }>;
  /** Short forms that fit several speakers' names (`Ông Hùng`), kept as speakers of their own, at their first line. */
  ambiguous: Array<{ line: number; label: string; candidates: string[] }>;
}

interface KeyStats {
  key: string;
  label: string;
  all: Occurrence[];
  colon: Occurrence[];
  dash: Occurrence[];
}

function groupByKey(occurrences: readonly Occurrence[]): Map<string, KeyStats> {
  const stats = new Map<string, KeyStats>();
  for (const o of occurrences) {
    const key = labelKey(o.candidate.label);
    let s = stats.get(key);
    if (!s) stats.set(key, (s = { key, label: o.candidate.label, all: [], colon: [], dash: [] }));
    s.all.push(o);
    (o.candidate.separator === 'colon' ? s.colon : s.dash).push(o);
  }
  return stats;
}

/**
 * Narration, not a label: a quote introduced by its speech verb (`Mayor Long said: "…"`,
 * `Ông An cho biết: "…"`, `Bà Vân nhấn mạnh: …`). Such a line is a sentence of the story; printed
 * once, it is never taken for a speaker's label.
 */
const SPEECH_VERB =
  /(?:^|\s)(?:said|says|say|told|tells|added|adds|asked|asks|explained|explains|noted|notes|stressed|insisted|warned|replied|answered|wrote|writes|recalled|recalls|nói|cho biết|chia sẻ|khẳng định|nhấn mạnh|cho rằng|nhận định|bày tỏ|phát biểu|giải thích|kể|kể lại|nhớ lại|tâm sự|trả lời|cho hay|tiết lộ|đề nghị|yêu cầu|lưu ý|khuyến cáo|thừa nhận|viết|nêu rõ|thông tin)$/iu;
const narrates = (label: string) => SPEECH_VERB.test(label);

/** A line whose shape alone says "label": at its start, a colon, a name, then a sentence. */
const lineShaped = (o: Occurrence) => !o.midLine && o.candidate.separator === 'colon' && looksLikeLabel(o.candidate.label) && !narrates(o.candidate.label) && startsSentence(o.candidate.rest);

/**
 * A person's label: an honorific or a title before a full name (`Ông Trần Văn Hùng`, `Dr. Maria
 * Costa`, `Thứ trưởng Lê Văn Thành`). A place or a heading (`Hà Nội`, `Kết quả`) has neither.
 */
function isPersonLabel(label: string): boolean {
  const name = parseLabelName(label);
  return name.capitalised && name.words.length >= 2 && (name.gender !== null || name.title !== '');
}

export function identifySpeakers(occurrences: readonly Occurrence[], source = ''): SpeakerTable {
  const stats = groupByKey(occurrences);
  const ordered = [...occurrences].sort((a, b) => a.order - b.order);
  const speakerOf = new Map<number, Speaker>();
  const byKey = new Map<string, Speaker>();
  /** Dash-separated occurrences count only where the text uses that form more than once. */
  const dashes = (s: KeyStats) => (s.dash.length >= 2 ? s.dash : []);

  // 1. Strong evidence of each label on its own: known labels, complete pairs, repetition.
  const strong = new Map<string, { evidence: Evidence; role?: ParticipantRole; which: Occurrence[] }>();
  const presentPairs = new Set<number>();
  for (const s of stats.values()) if (pairIndex(s.label) >= 0) presentPairs.add(pairIndex(s.label) * 2 + (pairRole(s.label) === 'ask' ? 0 : 1));
  for (const s of stats.values()) {
    const pair = pairIndex(s.label);
    if (isInterviewerLabel(s.label, source)) {
      strong.set(s.key, { evidence: 'known', role: 'interviewer', which: [...s.colon, ...dashes(s)] });
    } else if (pair >= 0 && presentPairs.has(pair * 2) && presentPairs.has(pair * 2 + 1)) {
      strong.set(s.key, { evidence: 'known', role: pairRole(s.label) === 'ask' ? 'interviewer' : 'interviewee', which: [...s.colon, ...dashes(s)] });
    } else if (pair < 0) {
      const bulletedEverywhere = s.colon.length > 0 && s.colon.every((o) => o.candidate.bullet !== '');
      const repeatedColon = s.colon.length >= 2 && (looksLikeLabel(s.label) || bulletedEverywhere);
      const repeatedDash = s.dash.length >= 2 && looksLikeLabel(s.label);
      if (repeatedColon || repeatedDash) strong.set(s.key, { evidence: 'repeated', which: [...(repeatedColon ? s.colon : []), ...(repeatedDash ? s.dash : [])] });
    }
  }
  // Damaged text (`Phong vin:`, `ng Trn Vn Binh:`) fails the capitalisation test; a label that starts
  // lines again and again, each time before a sentence, and takes turns with another such label, is
  // still a speaker.
  const damaged = new Set<string>();
  for (const s of stats.values()) {
    if (strong.has(s.key) || pairIndex(s.label) >= 0) continue;
    const starts = s.colon.filter((o) => !o.midLine);
    if (starts.length < 2 || s.label.split(' ').length > 5) continue;
    if (starts.filter((o) => startsSentence(o.candidate.rest)).length * 2 < starts.length) continue;
    damaged.add(s.key);
  }
  if (damaged.size > 0) {
    const lineStarts = ordered.filter((o) => !o.midLine && o.candidate.separator === 'colon');
    const eligible = lineStarts.filter((o) => strong.has(labelKey(o.candidate.label)) || damaged.has(labelKey(o.candidate.label)));
    const last = new Map<string, number>();
    const alternates = new Set<string>();
    eligible.forEach((o, i) => {
      const key = labelKey(o.candidate.label);
      const before = last.get(key);
      // Anything between two of its occurrences in this list is another speaker's turn.
      if (before !== undefined && i - before > 1) alternates.add(key);
      last.set(key, i);
    });
    for (const key of damaged) {
      if (!alternates.has(key)) continue;
      const s = stats.get(key)!;
      strong.set(key, { evidence: 'repeated', which: s.colon.filter((o) => !o.midLine) });
    }
  }

  // 2. Labels that are one speaker in several printed forms.
  const entries = [...stats.values()].map((s) => ({ key: s.key, label: s.label, first: s.all[0]!.order, strong: strong.has(s.key), colon: s.colon.length > 0 }));
  const entryOf = new Map(entries.map((e) => [e.key, e]));
  const { links, ambiguous } = findAliases(entries, source);
  const groups = groupAliases(links, (a, b) => (fullerLabel(entryOf.get(a)!, entryOf.get(b)!) ? a : b));
  const repOf = (key: string) => groups.repOf.get(key) ?? key;
  const kindOf = (key: string): AliasKind | null => groups.kindOf.get(key) ?? null;

  const speakerFor = (key: string, evidence: Evidence, role?: ParticipantRole): Speaker => {
    const rep = repOf(key);
    const existing = byKey.get(rep);
    if (existing) return existing;
    const repStats = stats.get(rep)!;
    const repStrong = strong.get(rep);
    const interviewer = role === 'interviewer' || repStrong?.role === 'interviewer' || isInterviewerLabel(repStats.label, source);
    const speaker: Speaker = {
      key: rep,
      label: repStats.label,
      role: repStrong?.role ?? (interviewer ? 'interviewer' : (role ?? 'interviewee')),
      evidence: rep === key ? evidence : repStrong ? repStrong.evidence : 'alias',
      description: describeSpeaker(repStats.label, interviewer),
    };
    byKey.set(rep, speaker);
    return speaker;
  };
  const accept = (key: string, evidence: Evidence, which: readonly Occurrence[], role?: ParticipantRole) => {
    const speaker = speakerFor(key, evidence, role);
    byKey.set(key, speaker);
    for (const o of which) speakerOf.set(o.id, speaker);
  };
  // A group is proven by any of its members; its other members come with it.
  const provenGroups = new Set<string>();
  for (const key of strong.keys()) provenGroups.add(repOf(key));
  const groupRole = new Map<string, ParticipantRole>();
  for (const [key, st] of strong) if (st.role) groupRole.set(repOf(key), st.role === 'interviewer' || groupRole.get(repOf(key)) === 'interviewer' ? 'interviewer' : st.role);
  // (A long form printed once, whose short form is proven, is proven with it, and the other way round.)
  for (const s of stats.values()) {
    const st = strong.get(s.key);
    if (st) accept(s.key, st.evidence, st.which, groupRole.get(repOf(s.key)) ?? st.role);
    else if (provenGroups.has(repOf(s.key))) accept(s.key, 'alias', [...s.colon, ...dashes(s)], groupRole.get(repOf(s.key)));
  }

  // 3. One-off labels, in reading order, when the turns around them say they are speakers too.
  const unproven: Occurrence[] = [];
  const inRun = oneOffRuns(ordered, stats, speakerOf);
  // Whether the next proven turn after each position is the interviewer's (computed once, from the end).
  const nextIsInterviewer: boolean[] = new Array<boolean>(ordered.length);
  let nextRole = false;
  for (let k = ordered.length - 1; k >= 0; k--) {
    nextIsInterviewer[k] = nextRole;
    const sp = speakerOf.get(ordered[k]!.id);
    if (sp) nextRole = sp.role === 'interviewer';
  }
  let usesBullets = ordered.some((o) => speakerOf.has(o.id) && o.candidate.bullet !== '');
  let previous: Speaker | null = null;
  for (let k = 0; k < ordered.length; k++) {
    const o = ordered[k]!;
    const known = speakerOf.get(o.id);
    if (known) {
      previous = known;
      continue;
    }
    const key = labelKey(o.candidate.label);
    const s = stats.get(key)!;
    if (o.midLine || o.candidate.separator !== 'colon') continue;
    // Another form of a speaker accepted since (`Doe:` once, after `JANE DOE:` was accepted once).
    const joined = byKey.get(repOf(key));
    if (joined && repOf(key) !== key) {
      accept(key, 'alias', [o]);
      previous = joined;
      continue;
    }
    if (!looksLikeLabel(o.candidate.label)) continue;
    if (s.all.length === 1 && narrates(o.candidate.label)) {
      unproven.push(o);
      continue;
    }
    if (s.all.length === 1 && usesBullets && o.candidate.bullet !== '') {
      accept(key, 'bullet', [o]);
    } else if (s.all.length === 1 && previous?.role === 'interviewer') {
      accept(key, 'answers-question', [o]);
    } else if (
      s.all.length === 1 &&
      lineShaped(o) &&
      (inRun.has(o.id) || (previous === null && endsSentence(o.candidate.rest.trim()) && nextIsInterviewer[k]!) || (previous !== null && isPersonLabel(o.candidate.label)))
    ) {
      accept(key, 'line-shape', [o]);
    } else {
      unproven.push(o);
      continue;
    }
    if (o.candidate.bullet !== '') usesBullets = true;
    previous = speakerOf.get(o.id)!;
  }

  // Roles of the speakers found by repetition: with no reporter label, whoever mostly asks is the interviewer.
  if (![...byKey.values()].some((sp) => sp.role === 'interviewer')) {
    const turns = new Map<Speaker, { all: number; asking: number }>();
    for (const o of occurrences) {
      const sp = speakerOf.get(o.id);
      if (!sp) continue;
      const t = turns.get(sp) ?? { all: 0, asking: 0 };
      t.all++;
      if (o.asks) t.asking++;
      turns.set(sp, t);
    }
    for (const [sp, t] of turns) if (t.asking / t.all >= 0.5) sp.role = 'interviewer';
  }

  // Each speaker described with its final role (a reporter found by the questions is still a person).
  for (const sp of new Set(byKey.values())) sp.description = describeSpeaker(sp.label, sp.role === 'interviewer');

  // Speakers in order of their first turn.
  const firstTurn = new Map<Speaker, number>();
  for (const o of ordered) {
    const sp = speakerOf.get(o.id);
    if (sp && !firstTurn.has(sp)) firstTurn.set(sp, o.order);
  }
  const speakers = [...firstTurn.keys()];

  // A document holds at most LIMITS.participants speakers. Beyond them (arbitrary text can prove
  // hundreds of labels), labels stay text and are listed for the reader, like unproven ones.
  const dropped = new Set(speakers.splice(LIMITS.participants));
  if (dropped.size > 0) {
    for (const o of occurrences) {
      const sp = speakerOf.get(o.id);
      if (!sp || !dropped.has(sp)) continue;
      speakerOf.delete(o.id);
      if (!o.midLine) unproven.push(o);
    }
    for (const [key, sp] of byKey) if (dropped.has(sp)) byKey.delete(key);
    unproven.sort((a, b) => a.order - b.order);
  }

  // Forms merged into another label, where the merge was read rather than declared.
  const merged: SpeakerTable['merged'] = [];
  for (const s of stats.values()) {
    const sp = byKey.get(s.key);
    if (!sp || sp.key === s.key || kindOf(s.key) === 'abbreviation') continue;
    const first = s.all.find((o) => speakerOf.get(o.id) === sp);
    if (first) merged.push({ line: first.line, label: s.label, into: sp });
  }
  merged.sort((a, b) => a.line - b.line);
  const unsure: SpeakerTable['ambiguous'] = [];
  for (const [key, candidates] of ambiguous) {
    const first = stats.get(key)!.all.find((o) => speakerOf.has(o.id));
    if (first) unsure.push({ line: first.line, label: stats.get(key)!.label, candidates });
  }
  return { speakers, speakerOf, byKey, unproven, merged, ambiguous: unsure };
}

/**
 * One-off labels that stand together: two or more line-shaped labels, each printed once, one after
 * another with no proven label between them, either all with the same bullet in an interview that
 * has other speakers (vox pops: `– Lê Thị Hoa, 45 tuổi: …`), or — in a text with no other speaker,
 * a short or truncated exchange — in adjacent paragraphs, each with a person's name (two words at
 * least: `Sáng:`, `Chiều:` in a programme are not people), and with a question among them.
 */
function oneOffRuns(ordered: readonly Occurrence[], stats: ReadonlyMap<string, KeyStats>, speakerOf: ReadonlyMap<number, Speaker>): Set<number> {
  const out = new Set<number>();
  const noSpeakers = speakerOf.size === 0;
  let run: Occurrence[] = [];
  const exchange = () =>
    run.every((o, k) => k === 0 || o.para - run[k - 1]!.para === 1) &&
    run.every((o) => parseLabelName(o.candidate.label).words.length >= 2) &&
    run.slice(0, -1).some((o) => o.asks);
  const flush = () => {
    const bulleted = run.length >= 2 && run[0]!.candidate.bullet !== '' && run.every((o) => o.candidate.bullet === run[0]!.candidate.bullet);
    if (run.length >= 2 && (noSpeakers ? exchange() : bulleted)) for (const o of run) out.add(o.id);
    run = [];
  };
  for (const o of ordered) {
    if (o.midLine) continue;
    const eligible = !speakerOf.has(o.id) && stats.get(labelKey(o.candidate.label))!.all.length === 1 && lineShaped(o);
    if (eligible) run.push(o);
    else flush();
  }
  flush();
  return out;
}
