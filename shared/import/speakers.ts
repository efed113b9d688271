/**
 * Which label-shaped candidates are speakers. Ordinary sentences can look like labels
 * (`Long An: Kết nạp…`, `Kết quả như sau: …`), so a label becomes a speaker only on evidence:
 *
 * - known: a reporter or outlet label (`Phóng viên`, `PV`, `BBC`), or both halves of a pair (`Q`/`A`);
 * - repeated: the same capitalised label starts two or more paragraphs;
 * - alias: a short form of a speaker found already (`HAT` for `Hoàng Anh Tuấn (HAT)`, `CS` for `CYNTHIA SMITH`);
 * - bullet: a one-off label with the bullet the other turns use (`* Bà Lan: …`);
 * - answers-question: a one-off label right after the interviewer's turn (a press conference's officials).
 *
 * A label after a dash (`GEORGE SMITH - …`) needs repetition in that form: dashes also join names
 * and titles in captions and datelines (`TTXVN - `).
 */
import { LIMITS, type ParticipantRole } from '../model/schema';
import {
  describeSpeaker,
  isInterviewerLabel,
  labelKey,
  looksLikeLabel,
  pairIndex,
  pairRole,
  shortForm,
  type LabelCandidate,
  type SpeakerDescription,
} from './labels';

export type Evidence = 'known' | 'repeated' | 'alias' | 'bullet' | 'answers-question';

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
}

export interface Speaker {
  key: string;
  /** The label as first printed. */
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

export function identifySpeakers(occurrences: readonly Occurrence[], source = ''): SpeakerTable {
  const stats = groupByKey(occurrences);
  const speakerOf = new Map<number, Speaker>();
  const byKey = new Map<string, Speaker>();

  const accept = (s: KeyStats, evidence: Evidence, which: readonly Occurrence[], role?: ParticipantRole, into?: Speaker) => {
    let speaker = into ?? byKey.get(s.key);
    if (!speaker) {
      const interviewer = role === 'interviewer';
      speaker = { key: s.key, label: s.label, role: role ?? 'interviewee', evidence, description: describeSpeaker(s.label, interviewer) };
    }
    byKey.set(s.key, speaker);
    for (const o of which) speakerOf.set(o.id, speaker);
  };
  /** Dash-separated occurrences count only where the text uses that form more than once. */
  const dashes = (s: KeyStats) => (s.dash.length >= 2 ? s.dash : []);

  const presentPairs = new Set<number>();
  for (const s of stats.values()) if (pairIndex(s.label) >= 0) presentPairs.add(pairIndex(s.label) * 2 + (pairRole(s.label) === 'ask' ? 0 : 1));

  // Strong evidence first: known labels, complete pairs, repetition.
  for (const s of stats.values()) {
    const pair = pairIndex(s.label);
    if (isInterviewerLabel(s.label, source)) {
      accept(s, 'known', [...s.colon, ...dashes(s)], 'interviewer');
    } else if (pair >= 0 && presentPairs.has(pair * 2) && presentPairs.has(pair * 2 + 1)) {
      accept(s, 'known', [...s.colon, ...dashes(s)], pairRole(s.label) === 'ask' ? 'interviewer' : 'interviewee');
    } else if (pair < 0) {
      const bulletedEverywhere = s.colon.length > 0 && s.colon.every((o) => o.candidate.bullet !== '');
      const repeatedColon = s.colon.length >= 2 && (looksLikeLabel(s.label) || bulletedEverywhere);
      const repeatedDash = s.dash.length >= 2 && looksLikeLabel(s.label);
      if (repeatedColon || repeatedDash) accept(s, 'repeated', [...(repeatedColon ? s.colon : []), ...(repeatedDash ? s.dash : [])]);
    }
  }

  // Short forms (`HAT` for `Hoàng Anh Tuấn (HAT)`, `CS` for `CYNTHIA SMITH`, `PV` beside `Phóng viên`)
  // are one speaker with their long form; a long form printed once and then its short form is evidence too.
  const longFormsOf = new Map<string, KeyStats[]>();
  for (const l of stats.values()) {
    if (l.colon.length === 0 || shortForm(l.label) !== null || !(byKey.has(l.key) || looksLikeLabel(l.label))) continue;
    for (const short of new Set(describeSpeaker(l.label, isInterviewerLabel(l.label, source)).shortForms)) {
      longFormsOf.set(short, [...(longFormsOf.get(short) ?? []), l]);
    }
  }
  for (const s of stats.values()) {
    const short = shortForm(s.label);
    if (!short) continue;
    const shortIsReporter = isInterviewerLabel(s.label, source);
    // `PV` is the reporter, not Mr Phạm Vinh.
    const longForms = (longFormsOf.get(short) ?? []).filter((l) => !shortIsReporter || isInterviewerLabel(l.label, source));
    if (longForms.length !== 1) continue;
    const long = longForms[0]!;
    if (!byKey.has(long.key)) {
      if (!byKey.has(s.key) && long.colon[0]!.order > s.all[0]!.order) continue; // an abbreviation comes after its long form
      accept(long, 'alias', long.colon, isInterviewerLabel(long.label, source) ? 'interviewer' : byKey.get(s.key)?.role);
    }
    const target = byKey.get(long.key)!;
    const own = byKey.get(s.key);
    if (own && own !== target) for (const [id, sp] of speakerOf) if (sp === own) speakerOf.set(id, target);
    accept(s, own ? own.evidence : 'alias', [...s.colon, ...dashes(s)], undefined, target);
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

  // One-off labels, in reading order, when the turns around them say they are speakers too.
  const unproven: Occurrence[] = [];
  if (speakerOf.size > 0) {
    const usesBullets = occurrences.some((o) => speakerOf.has(o.id) && o.candidate.bullet !== '');
    const ordered = [...occurrences].sort((a, b) => a.order - b.order);
    let previous: Speaker | null = null;
    for (const o of ordered) {
      const known = speakerOf.get(o.id);
      if (known) {
        previous = known;
        continue;
      }
      const s = stats.get(labelKey(o.candidate.label))!;
      if (o.midLine || o.candidate.separator !== 'colon' || !looksLikeLabel(o.candidate.label)) continue;
      if (s.all.length === 1 && usesBullets && o.candidate.bullet !== '') {
        accept(s, 'bullet', [o]);
      } else if (s.all.length === 1 && previous?.role === 'interviewer') {
        accept(s, 'answers-question', [o]);
      } else {
        unproven.push(o);
        continue;
      }
      previous = speakerOf.get(o.id)!;
    }
  }

  // Speakers in order of their first turn.
  const firstTurn = new Map<Speaker, number>();
  for (const o of [...occurrences].sort((a, b) => a.order - b.order)) {
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
  return { speakers, speakerOf, byKey, unproven };
}
