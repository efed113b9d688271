/**
 * One interview, many layouts: the agency-style interview written for the tests (and the real seed,
 * where present) re-laid-out the ways real interviews arrive — flattened onto one line with no-break
 * spaces, hard-wrapped with and without blank lines, dash-only dialogue, questions with their labels
 * lost — must give the same turns, spoken by the same side, with the same words.
 */
import { describe, expect, it } from 'vitest';
import { importAgencyText } from '../../../../shared/import/agency-text';
import type { Interview, Turn } from '../../../../shared/model/schema';
import { fixtureInterviewText, has, realSeedText } from '../../../helpers/material';
import { itNeeds } from '../../../helpers/it-needs';

/** Greedy wrap at `width`, as e-mail and wire feeds do. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(current);
  return out;
}

/** The article's content: everything before its web chrome (`Tin liên quan`), whose layout is not under test. */
const content = (text: string) => text.slice(0, text.indexOf('\nTin liên quan')).trimEnd();
const blocksOf = (text: string) => content(text).split(/\n\s*\n/);

const LAYOUTS: Record<string, (text: string) => string> = {
  'flattened with no-break spaces': (text) => blocksOf(text).map((b) => b.replace(/\n/g, '\u00A0')).join('\u00A0'),
  'hard-wrapped, blank lines between paragraphs': (text) => blocksOf(text).map((b) => b.split('\n').flatMap((l) => wrap(l, 64)).join('\n')).join('\n\n'),
  'hard-wrapped, no blank lines': (text) => blocksOf(text).flatMap((b) => b.split('\n').flatMap((l) => wrap(l, 64))).join('\n'),
};

const sides = (doc: Interview) => {
  const role = new Map(doc.participants.map((p) => [p.id, p.role]));
  return doc.body.filter((b): b is Turn => b.type === 'turn').map((t) => role.get(t.speakerId));
};
/** Each turn's words, paragraph breaks aside (a wrap without blank lines cannot always tell where a paragraph ended). */
const words = (doc: Interview) =>
  doc.body.filter((b): b is Turn => b.type === 'turn').map((t) => t.children.map((c) => (c.type === 'paragraph' ? c.children.map((l) => l.text).join('') : `[${c.caption} | ${c.credit}]`)).join(' '));

function checkLayouts(name: string, text: () => string) {
  describe(name, () => {
    it.each(Object.keys(LAYOUTS))('%s', (layout) => {
      const plain = importAgencyText(content(text()), { id: 'x' });
      const other = importAgencyText(LAYOUTS[layout]!(text()), { id: 'x' });
      expect(other.doc.participants.map((p) => [p.label, p.role])).toEqual(plain.doc.participants.map((p) => [p.label, p.role]));
      expect(sides(other.doc)).toEqual(sides(plain.doc));
      expect(words(other.doc)).toEqual(words(plain.doc));
      expect(other.meta.byline).toBe(plain.meta.byline);
      expect(other.meta.source).toBe(plain.meta.source);
    });

    it('dash-only dialogue: the same sides, turn by turn, under placeholder names', () => {
      const dashed = content(text()).replace(/^\* [^:\n]{1,60}: /gm, '- ');
      const { doc, report } = importAgencyText(dashed, { id: 'x' });
      expect(sides(doc)).toEqual(sides(importAgencyText(content(text()), { id: 'x' }).doc));
      expect(doc.participants.map((p) => p.label)).toEqual(['Phóng viên', 'Khách mời']);
      expect(report.findings.filter((f) => f.kind === 'placeholder-speaker')).toHaveLength(2);
    });

    it('questions with their labels lost: recovered as the interviewer’s, each one reported', () => {
      const plain = importAgencyText(content(text()), { id: 'x' });
      const lost = importAgencyText(content(text()).replace(/^\* Phóng viên: /gm, ''), { id: 'x' });
      expect(sides(lost.doc)).toEqual(sides(plain.doc));
      expect(words(lost.doc)).toEqual(words(plain.doc));
      const interviewerTurns = sides(plain.doc).filter((s) => s === 'interviewer').length;
      expect(lost.report.findings.filter((f) => f.kind === 'unlabelled-question')).toHaveLength(interviewerTurns);
    });
  });
}

checkLayouts('the agency-style interview in every layout', fixtureInterviewText);

describe('the real seed article in every layout', () => {
  const seed = itNeeds('seed');
  seed('gives the same turns as its own layout', () => {
    if (!has('seed')) return;
    const text = realSeedText();
    const plain = importAgencyText(content(text), { id: 'x' });
    for (const layout of Object.values(LAYOUTS)) {
      const other = importAgencyText(layout(text), { id: 'x' });
      expect(sides(other.doc)).toEqual(sides(plain.doc));
      expect(words(other.doc)).toEqual(words(plain.doc));
    }
  });
});
