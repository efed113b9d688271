/**
 * Dash-only dialogue: questions and answers both start with a dash (`- `, `– `, or no space:
 * `-Dự án…`), alternating, and no one is named. The evidence that it is an interview is the
 * alternation together with the question marks: the paragraphs of one parity (every other dash)
 * end with `?`, those of the other do not. Each dash then starts a turn, the two parities are two
 * speakers, and since the text names neither, they get placeholder names for the user to rename
 * (findings `placeholder-speaker`). An answer that ends with a question mark is read by the
 * alternation and reported (`alternation-doubtful`).
 *
 * Only for a text where no label was proven: a dash list inside a labelled interview is a list.
 */
import type { ImportFinding } from './findings';
import type { Item, TextItem } from './items';
import { endsQuestion } from './labels/shape';
import type { Speaker } from './speakers';

/**
 * A dash that opens a turn (not `--`, not a negative number or a range: `-5%`), or another bullet:
 * some papers mark questions with one bullet and answers with another (`* …?` / `- …`).
 */
const DASH = /^(?:[-–—](?![-–—\d])|[*•▪](?=\s))\s*(?=\S)/;
const bulletOf = (text: string) => text[0] === '–' || text[0] === '—' ? '-' : text[0]!;

/** At least this many dashed paragraphs, two of them questions on the same side. */
const MIN_DASHES = 4;
const MIN_QUESTIONS = 2;

export interface DashDialogue {
  items: Item[];
  findings: ImportFinding[];
}

export function readDashDialogue(items: readonly Item[], speakers: { ask: Speaker; answer: Speaker }): DashDialogue | null {
  const dashed = items.flatMap((it, i) => (it.kind === 'text' && DASH.test(it.text) ? [i] : []));
  if (dashed.length < MIN_DASHES) return null;
  // Two bullets, one for the questions and one for the answers: the bullet says who speaks.
  const bullets = [...new Set(dashed.map((i) => bulletOf((items[i] as TextItem).text)))];
  const byBullet = bullets.length === 2 ? bullets : null;
  // Otherwise the alternation does: every other dash is a question.
  const sideOf = (k: number, i: number) => (byBullet ? byBullet.indexOf(bulletOf((items[i] as TextItem).text)) : k % 2);
  const questions = [0, 0];
  const atSide = [0, 0];
  dashed.forEach((i, k) => {
    atSide[sideOf(k, i)]!++;
    if (endsQuestion((items[i] as TextItem).text)) questions[sideOf(k, i)]!++;
  });
  const ask = questions[0]! >= questions[1]! ? 0 : 1;
  const asked = questions[ask]!;
  const other = questions[1 - ask]!;
  // Questions on one side, at least half of its paragraphs (a closing thank-you has none), few on the other.
  if (asked < MIN_QUESTIONS || asked * 2 < atSide[ask]! || other * 3 > asked) return null;

  const findings: ImportFinding[] = [];
  const out = [...items];
  const firstLine = new Map<Speaker, number>();
  dashed.forEach((i, k) => {
    const it = items[i] as TextItem;
    const speaker = sideOf(k, i) === ask ? speakers.ask : speakers.answer;
    const matched = DASH.exec(it.text)![0];
    const text = it.text.slice(matched.length).trim();
    out[i] = { kind: 'turn', line: it.line, speaker, matched: matched.trim(), label: '', text };
    if (!firstLine.has(speaker)) firstLine.set(speaker, it.line);
    if (speaker === speakers.answer && endsQuestion(text)) findings.push({ kind: 'alternation-doubtful', line: it.line, text, detail: speakers.answer.label });
  });
  for (const [speaker, line] of firstLine) findings.push({ kind: 'placeholder-speaker', line, text: (out.find((it) => it.kind === 'turn' && it.speaker === speaker) as Extract<Item, { kind: 'turn' }>).text, detail: speaker.label });
  return { items: out, findings };
}
