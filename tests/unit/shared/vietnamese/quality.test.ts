/**
 * Measured quality of the Vietnamese checks on the hand-written fixtures of tests/fixtures/vietnamese/:
 * precision and recall of the tone-mark check in both house styles, and of the spelling check.
 * A found defect counts only at the right place with the right suggestion (and, for tone marks,
 * the right kind); the text with every defect corrected must give no finding at all.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../../../shared/vietnamese/check-text';
import type { TextFinding } from '../../../../shared/vietnamese/findings';
import { checkTones } from '../../../../shared/vietnamese/tone-check';
import type { HouseStyle } from '../../../../shared/vietnamese/tone-placement';
import { englishSpeller, vietnameseDictionary } from '../../../helpers/vietnamese-dictionaries';
import { readFixture, type Defect, type FixtureLine } from './fixture-text';

interface Score {
  truePositives: number;
  found: number;
  expected: number;
  misses: string[];
  falseAlarms: string[];
}

const first = (f: TextFinding) => (f.kind === 'spelling' ? f.suggestions?.[0] : f.suggestion);

function score(lines: readonly FixtureLine[], check: (text: string) => TextFinding[], sameSuggestion: boolean): Score {
  const s: Score = { truePositives: 0, found: 0, expected: 0, misses: [], falseAlarms: [] };
  for (const line of lines) {
    const findings = check(line.written);
    s.found += findings.length;
    s.expected += line.defects.length;
    const hit = (d: Defect, f: TextFinding) => f.start === d.start && f.end === d.end && f.kind === d.kind && (!sameSuggestion || first(f) === d.correct);
    for (const d of line.defects) {
      if (findings.some((f) => hit(d, f))) s.truePositives++;
      else s.misses.push(`line ${line.line}: ${d.found} → ${d.correct}`);
    }
    for (const f of findings) if (!line.defects.some((d) => hit(d, f))) s.falseAlarms.push(`line ${line.line}: ${f.kind} ${f.found} → ${first(f)}`);
    // The corrected sentence must be clean.
    for (const f of check(line.correct)) s.falseAlarms.push(`line ${line.line} (corrected): ${f.kind} ${f.found} → ${first(f)}`);
  }
  return s;
}

function report(name: string, s: Score): { precision: number; recall: number } {
  const precision = s.found === 0 ? 1 : s.truePositives / (s.found + s.falseAlarms.filter((a) => a.includes('(corrected)')).length);
  const recall = s.expected === 0 ? 1 : s.truePositives / s.expected;
  console.log(
    `${name}: precision ${(precision * 100).toFixed(1)}% (${s.truePositives} of ${s.found} findings${s.falseAlarms.length ? `, false alarms: ${s.falseAlarms.join('; ')}` : ''}), ` +
      `recall ${(recall * 100).toFixed(1)}% (${s.truePositives} of ${s.expected} defects${s.misses.length ? `, missed: ${s.misses.join('; ')}` : ''})`,
  );
  return { precision, recall };
}

const tones = (style: HouseStyle) => (text: string) => checkTones(text, style);

describe('tone-mark check on the fixtures', () => {
  it('traditional style: every misplaced mark and every modern-style mark, nothing else', () => {
    const lines = readFixture('tone-traditional.txt', 'misplaced-tone');
    const s = score(lines, tones('traditional'), true);
    const { precision, recall } = report('tone marks, traditional', s);
    expect(s.expected).toBe(34);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });

  it('modern style: every misplaced mark and every traditional-style mark, nothing else', () => {
    const lines = readFixture('tone-modern.txt', 'misplaced-tone');
    const s = score(lines, tones('modern'), true);
    const { precision, recall } = report('tone marks, modern', s);
    expect(s.expected).toBe(17);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });
});

describe('spelling check on the fixtures', () => {
  it('finds the misspelt syllables and leaves acronyms, names, numbers, loanwords and addresses alone', () => {
    const lines = readFixture('spelling.txt', 'spelling');
    const options = { language: 'vi' as const, style: 'traditional' as const, vietnamese: vietnameseDictionary('traditional'), english: englishSpeller() };
    const found = score(lines, (text) => checkText(text, options), false);
    const { precision, recall } = report('spelling (found)', found);
    expect(found.expected).toBe(13);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    // How often the first suggestion is the right word.
    const right = score(lines, (text) => checkText(text, options), true);
    const firstRight = right.truePositives / right.expected;
    console.log(`spelling: first suggestion right for ${right.truePositives} of ${right.expected} (${(firstRight * 100).toFixed(1)}%)${right.misses.length ? `; otherwise: ${right.misses.join('; ')}` : ''}`);
    expect(firstRight).toBeGreaterThanOrEqual(0.6);
  });

  it('without an English dictionary, a typo that is no Vietnamese shape (trog) is taken for a foreign word', () => {
    const options = { language: 'vi' as const, style: 'traditional' as const, vietnamese: vietnameseDictionary('traditional') };
    expect(checkText('Hội nghị diễn ra trog hai ngày.', options)).toEqual([]);
    expect(checkText('Mọi nguời đều vui.', options).map((f) => f.found)).toEqual(['nguời']);
  });
});
