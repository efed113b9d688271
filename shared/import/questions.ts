/**
 * Questions whose label was lost. Many sites print the reporter's questions in bold with no label,
 * and only the answers labelled (`Ông Nguyễn Văn A: …`); copied as plain text, the bold is gone and
 * a question looks like one more paragraph of the answer before it. The evidence that it is not:
 *
 * - the paragraph is short and ends with a question mark, and
 * - the same labelled speaker starts the next turn: nobody labels themselves twice in a row unless
 *   someone else spoke in between.
 *
 * Such a paragraph becomes a turn of the interviewer (the one the text names, or a placeholder).
 * Once the text is known to work that way (or has no interviewer turn at all), the question before
 * the first answer and a closing thank-you after the last one are read the same way. Every such
 * turn is reported (`unlabelled-question`), and so is a question-like paragraph left inside an
 * answer, where the evidence is not enough to move it.
 */
import type { ImportFinding } from './findings';
import type { Item, TurnItem } from './items';
import { endsQuestion } from './labels/shape';
import type { Speaker } from './speakers';

const MAX_QUESTION = 400;
const isQuestionLike = (text: string) => text.length <= MAX_QUESTION && endsQuestion(text) && !/^["“«]/.test(text);
const isThanks = (text: string) => text.length <= 120 && /(?:cảm ơn|cám ơn|thank you|thanks)/iu.test(text) && !text.endsWith('?');

export interface Recovered {
  items: Item[];
  findings: ImportFinding[];
}

/**
 * `interviewer` is the speaker to give recovered questions to: the text's only interviewer, or a
 * placeholder made on first use; null when the text has several interviewers (a press conference:
 * whose question it was cannot be known), in which case questions are only reported.
 */
export function recoverQuestions(items: readonly Item[], interviewer: (() => Speaker) | null): Recovered {
  const out = [...items];
  const findings: ImportFinding[] = [];
  const turnAt = out.flatMap((it, i) => (it.kind === 'turn' ? [i] : []));
  if (turnAt.length === 0) return { items: out, findings };
  const convert = (i: number) => {
    const it = out[i]!;
    if (it.kind !== 'text' || !interviewer) return false;
    const speaker = interviewer();
    out[i] = { kind: 'turn', line: it.line, speaker, matched: '', label: '', text: it.text };
    findings.push({ kind: 'unlabelled-question', line: it.line, text: it.text, detail: speaker.label });
    return true;
  };

  let made = 0;
  for (let k = 0; k + 1 < turnAt.length; k++) {
    const a = out[turnAt[k]!] as TurnItem;
    const b = out[turnAt[k + 1]!] as TurnItem;
    const before = turnAt[k + 1]! - 1;
    const q = out[before]!;
    if (a.speaker !== b.speaker || a.speaker.role !== 'interviewee' || before <= turnAt[k]! || q.kind !== 'text' || !isQuestionLike(q.text)) continue;
    if (convert(before)) made++;
  }
  const hasInterviewer = out.some((it) => it.kind === 'turn' && it.speaker.role === 'interviewer');
  if (made > 0 || !hasInterviewer) {
    // The question before the first answer.
    const first = out.findIndex((it) => it.kind === 'turn');
    const q = out[first - 1];
    if (first > 0 && q?.kind === 'text' && isQuestionLike(q.text) && (out[first] as TurnItem).speaker.role === 'interviewee') convert(first - 1);
    // A closing thank-you after the last answer.
    const last = out.length - 1;
    const lastTurn = out.map((it) => it.kind === 'turn').lastIndexOf(true);
    const closing = out[last]!;
    if (last > lastTurn && closing.kind === 'text' && isThanks(closing.text) && (out[lastTurn] as TurnItem).speaker.role === 'interviewee') convert(last);
  }

  // Question-like paragraphs between paragraphs of one answer: too little evidence to move; reported.
  let current: TurnItem | null = null;
  out.forEach((it, i) => {
    if (it.kind === 'turn') current = it;
    else if (it.kind === 'text' && current?.speaker.role === 'interviewee' && isQuestionLike(it.text) && it.text.length <= 200 && out[i + 1]?.kind === 'text') {
      findings.push({ kind: 'unlabelled-question', line: it.line, text: it.text, detail: 'kept' });
    }
  });
  return { items: out, findings };
}
