/**
 * Hard-wrapped text back into paragraphs, before anything reads it: e-mail and some wire feeds cut
 * every line at 40–80 characters, with blank lines between paragraphs or with none at all.
 *
 * - With blank lines (lines.ts `linesAreHardWrapped`): each block is one paragraph, except where a line
 *   starts something of its own (a speaker label, a photo credit, a bullet).
 * - Without them: a line ends its paragraph when the next line's first word would have fitted on it
 *   — a wrapping program would have put it there — or when the next line starts something of its
 *   own. Detected by the lines themselves: most long lines end in the middle of a sentence.
 *
 * A label may be cut across two lines (`… thưa giáo sư? GS` / `Nguyễn Văn A: "Có…`): when the next
 * line starts with a label and the line before ends, after its last sentence, with titles or with
 * words that make a label seen elsewhere, those words move to the label's line.
 *
 * Which lines start a label is decided on shape and repetition here (a cheap first look: the
 * speakers are proven later, on the paragraphs).
 */
import { isTitleOnly } from './labels/names';
import { isInterviewerLabel, pairRole } from './labels/roles';
import { labelAtLineStart, labelKey, shortForm } from './labels/shape';
import { joinWrapped, linesAreHardWrapped, splitOverlong, type Line } from './lines';
import { isPhotoMarker } from './captions';
import { isWebChrome } from './furniture';

export type WrapKind = 'blank-separated' | 'continuous' | null;

const BULLETED = /^(?:[*•▪]\s|[-–—]\s?\S)/;
/** What a line that ends a sentence (or a label, or a quote) ends with. */
const SENTENCE_CLOSE = '.?!…:;"”»)]';
/** The line stops mid-sentence: its last character closes nothing (read at the end, not by a pattern tried along the line). */
export const endsMidSentence = (text: string) => text !== '' && !SENTENCE_CLOSE.includes(text[text.length - 1]!);
/** The length of the line's first word (up to its first space). */
const firstWordLength = (text: string) => {
  const space = text.indexOf(' ');
  return space < 0 ? text.length : space;
};

/**
 * Which lines start a label, on shape and repetition: a label seen twice, a reporter's or a pair's
 * label, a short form, or the end of a longer label seen elsewhere (`Nguyễn Văn A` for
 * `GS Nguyễn Văn A`). Computed once per line.
 */
function labelLines(lines: readonly Line[], own: readonly boolean[]): { isLabel: boolean[]; labels: Array<string | null>; keys: Set<string> } {
  // A photo line (`Ảnh: Minh Đức`) has a label's shape and repeats, but is no label.
  const labels = lines.map((l, i) => (l.text === '' || own[i] ? null : (labelAtLineStart(l.text)?.label ?? null)));
  const counts = new Map<string, number>();
  for (const label of labels) if (label !== null) counts.set(labelKey(label), (counts.get(labelKey(label)) ?? 0) + 1);
  // The ends of longer labels (`nguyễn văn a`, `văn a`, `a` of `gs nguyễn văn a`), for a label cut across lines.
  const endsOfLonger = new Set<string>();
  for (const key of counts.keys()) {
    const words = key.split(' ');
    for (let k = 1; k < words.length; k++) endsOfLonger.add(words.slice(k).join(' '));
  }
  const isLabel = labels.map((label) => {
    if (label === null) return false;
    const key = labelKey(label);
    return (counts.get(key) ?? 0) >= 2 || isInterviewerLabel(label) || pairRole(label) !== null || shortForm(label) !== null || endsOfLonger.has(key);
  });
  return { isLabel, labels, keys: new Set(counts.keys()) };
}

/** A continuous (no blank line) hard wrap: most long lines run on into the next one mid-sentence. */
function isContinuousWrap(lines: readonly Line[], width: number): boolean {
  let runOn = 0;
  let midSentence = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!.text;
    const b = lines[i + 1]!.text;
    if (a === '' || b === '' || a.length < width * 0.6) continue;
    runOn++;
    if (endsMidSentence(a)) midSentence++;
  }
  return runOn >= 3 && midSentence * 2 >= runOn;
}

/** A word whose full stop is an abbreviation's, not a sentence's. */
const ABBREVIATION = /^(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gen|Col|Capt|Rev|St|GS|TS|PGS|ThS|BS|KTS|Th|GS\.TS|PGS\.TS)\.$/;

/** The words after the last sentence end of a line (at most three, `GS`, `Dr.`, `Đại sứ`), or ''. */
function tailAfterSentence(text: string): string {
  const words = text.split(' ');
  // A line that ends a sentence has no label's start at its end, unless the stop is an abbreviation's.
  if (/[.?!…]["”»)]*$/.test(words[words.length - 1]!) && !ABBREVIATION.test(words[words.length - 1]!)) return '';
  for (let k = words.length - 1; k >= Math.max(0, words.length - 3); k--) {
    if (k === 0 || /[.?!…]["”»)]*$/.test(words[k - 1]!)) {
      const tail = words.slice(k).join(' ');
      return tail.length <= 30 ? tail : '';
    }
  }
  return '';
}

export function reflow(lines: readonly Line[]): { lines: Line[]; wrapped: WrapKind } {
  let width = 0;
  for (const l of lines) width = Math.max(width, l.text.length);
  if (width > 100 || width < 30) return { lines: [...lines], wrapped: null };
  // Lines that stand alone whatever the wrapping: labels, photo lines, bullets, a `Read more` heading.
  const own = lines.map((l) => l.text !== '' && (isPhotoMarker(l.text) || isWebChrome(l.text)));
  const { isLabel, labels, keys } = labelLines(lines, own);
  const startsAt = lines.map((l, i) => isLabel[i]! || own[i]! || BULLETED.test(l.text));
  let wrapped: WrapKind = null;
  if (linesAreHardWrapped(lines, startsAt)) wrapped = 'blank-separated';
  else if (isContinuousWrap(lines, width)) wrapped = 'continuous';
  if (wrapped === null) return { lines: [...lines], wrapped };

  const out: Line[] = [];
  let parts: string[] = [];
  let first: Line | null = null;
  let lastN = 0;
  let previousStandsAlone = false;
  const flush = () => {
    // A paragraph longer than the model allows (a wrap whose breaks cannot be told) is cut, as lines.ts cuts long lines.
    if (first && parts.length > 0) for (const text of splitOverlong(joinWrapped(parts))) out.push(lastN > first.n ? { n: first.n, text, to: lastN } : { n: first.n, text });
    parts = [];
    first = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      flush();
      out.push(line);
      previousStandsAlone = false;
      continue;
    }
    let text = line.text;
    const last = parts[parts.length - 1];
    const breaks =
      first === null ||
      startsAt[i]! ||
      previousStandsAlone ||
      (wrapped === 'continuous' && last !== undefined && last.length + 1 + firstWordLength(text) <= width);
    if (breaks && first !== null && isLabel[i]) {
      // A label cut across the line break: `… thưa giáo sư? GS` / `Nguyễn Văn A: "Có…`.
      const tail = tailAfterSentence(last!);
      if (tail !== '' && (isTitleOnly(tail.split(' ')) || keys.has(labelKey(`${tail} ${labels[i]!}`)))) {
        parts[parts.length - 1] = last!.slice(0, last!.length - tail.length).trimEnd();
        if (parts[parts.length - 1] === '') parts.pop();
        text = `${tail} ${text}`;
      }
    }
    if (breaks) {
      flush();
      first = { n: line.n, text };
    }
    parts.push(text);
    lastN = line.n;
    previousStandsAlone = own[i]!;
  }
  flush();
  return { lines: out, wrapped };
}
