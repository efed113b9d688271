/**
 * Speaker names as transcripts write them. A file either names speakers in a field of their own
 * (WebVTT's `<v Lan>`, a JSON `speaker`), or at the start of the text (`Lan: …`, `[Lan] …`), where
 * an ordinary sentence (`Long An: mưa lớn`) looks the same; such a prefix is a speaker only on
 * evidence (the file uses it more than once, or it is a recogniser's numbered speaker), and is
 * reported and kept as text otherwise.
 *
 * Recognisers number their speakers (`Speaker 1`, `SPEAKER_00`, whisper.cpp's `0`): those get a
 * readable name in the document's language and a finding, so the preview's rename is where the
 * reporter puts the person's name.
 */
import type { Language } from '../../model/schema';
import { isDefaultIntervieweeLabel, isInterviewerLabel } from '../labels/roles';
import { looksLikeLabel } from '../labels/shape';

const GENERIC = /^(?:speaker|spk|người nói|nguoi noi|s)[\s_-]*(\d{1,3})$/iu;
const DIGITS = /^\d{1,3}$/;

/** The number of a recogniser's speaker (`Speaker 1` → 1, `SPEAKER_00` → 0, `0` → 0), or null for a name. */
export function genericSpeakerNumber(label: string): number | null {
  const m = GENERIC.exec(label.trim()) ?? (DIGITS.test(label.trim()) ? [label, label.trim()] : null);
  return m ? Number(m[1]) : null;
}

/** A speaker the recogniser could not tell (`?`, `Speaker?`, `UNKNOWN`): no speaker, not a third one. */
export const isUnknownSpeaker = (label: string): boolean => /^(?:speaker\s*)?\?$|^unknown$/i.test(label.trim());

/**
 * Readable names for a file's numbered speakers: numbered from 1 in the order the file numbers them
 * (zero-based files, such as `SPEAKER_00` and whisper.cpp's `0`, shifted by one).
 */
export function genericSpeakerNames(labels: Iterable<string>, language: Language): Map<string, string> {
  const numbered = [...new Set(labels)].flatMap((l) => {
    const n = genericSpeakerNumber(l);
    return n === null ? [] : [{ label: l, n }];
  });
  const zeroBased = numbered.some((x) => x.n === 0);
  const word = language === 'vi' ? 'Người nói' : 'Speaker';
  return new Map(numbered.map(({ label, n }) => [label, `${word} ${zeroBased ? n + 1 : n}`]));
}

const PREFIX = /^([^:：\s][^:：]{0,59}?)\s*[:：]\s+(\S.*)$/su;
const BRACKET = /^\[([^[\]]{1,60})\]\s*(\S.*)$/su;

export interface LabelPrefix {
  label: string;
  rest: string;
  /** `[Name] …` rather than `Name: …`. */
  bracket: boolean;
}

/**
 * A speaker-shaped prefix at the start of a text (`Lan: …`, `Speaker 1: …`, `[Lan] …`), or null.
 * Only its shape is checked here (a name, not a time or a sentence); whether it really is a
 * speaker the caller decides on evidence.
 */
export function labelPrefix(text: string): LabelPrefix | null {
  const bracket = text.startsWith('[');
  const m = bracket ? BRACKET.exec(text) : PREFIX.exec(text);
  if (!m) return null;
  const label = m[1]!.trim();
  if (label.split(/\s+/).length > 6 || /[.?!…"“”]$/u.test(label) || (/^\d/.test(label) && genericSpeakerNumber(label) === null)) return null;
  // A name (`Ông Tư`, `Jane Park`), a role the importer knows (`Phóng viên`, `Khách mời`), or a number.
  if (genericSpeakerNumber(label) === null && !looksLikeLabel(label) && !isInterviewerLabel(label) && !isDefaultIntervieweeLabel(label)) return null;
  return { label, rest: m[2]!, bracket };
}
