/**
 * Measured quality on the real seed article (issue 9 point 5): its one real defect, `lãnh đaọ`,
 * is found with `đạo` as the fix, and nothing else is reported (the count of other findings, the
 * false positives, is printed and must stay 0). Also: the seed is in the traditional style, the
 * house default, which the same check in the modern style shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preflight } from '../../../shared/export/preflight';
import { importAgencyText } from '../../../shared/import/agency-text';
import { checkText } from '../../../shared/vietnamese/check-text';
import { applyFix } from '../../../shared/vietnamese/fixes';
import { englishSpeller, vietnameseDictionary } from './dictionaries';

// Read in place from the shared folder beside the checkout; never copied into the repository.
const SEED = join(import.meta.dirname, '../../../../shared/seed/000_70cfa9748694c4ad.txt');
const seed = () => readFileSync(SEED, 'utf8');
const traditional = { language: 'vi' as const, style: 'traditional' as const, vietnamese: vietnameseDictionary('traditional'), english: englishSpeller() };

describe('the seed article', () => {
  it('has `lãnh đaọ` flagged with `lãnh đạo` first, and no other finding', () => {
    const text = seed();
    const findings = checkText(text, traditional);
    const defect = findings.find((f) => f.found === 'đaọ');
    expect(defect).toEqual(expect.objectContaining({ kind: 'misplaced-tone', found: 'đaọ', suggestion: 'đạo' }));
    expect(text.slice(defect!.start - 5, defect!.end)).toBe('lãnh đaọ');
    expect(applyFix(text, defect!).slice(defect!.start - 5, defect!.end)).toBe('lãnh đạo');

    const others = findings.filter((f) => f !== defect);
    console.log(`seed: ${findings.length} finding(s); false positives: ${others.length}${others.map((f) => `\n  ${f.kind} ${f.found}`).join('')}`);
    expect(others).toEqual([]);
  });

  it('is written in the traditional style: checked as modern, its 11 `ủy` and 1 `khóa` are house-style findings', () => {
    const findings = checkText(seed(), { ...traditional, style: 'modern', vietnamese: vietnameseDictionary('modern') });
    const houseStyle = findings.filter((f) => f.kind === 'house-style');
    console.log(`seed checked as modern: ${houseStyle.length} house-style finding(s)`);
    expect(houseStyle.map((f) => f.found).sort()).toEqual(['khóa', ...Array<string>(11).fill('ủy')]);
    expect(findings.filter((f) => f.kind !== 'house-style').map((f) => f.found)).toEqual(['đaọ']);
  });

  it('gives one preflight warning when the text checks are asked for, and none otherwise', () => {
    const { doc } = importAgencyText(seed(), { id: 'seed' });
    const checks = { style: 'traditional' as const, vietnamese: vietnameseDictionary('traditional'), english: englishSpeller() };
    const textWarnings = preflight(doc, { textChecks: checks }).warnings.filter((w) => w.code.startsWith('text.'));
    expect(textWarnings).toEqual([
      expect.objectContaining({ code: 'text.misplaced-tone', severity: 'warning', params: { words: 'đaọ → đạo', count: 1, style: 'traditional' }, field: null }),
    ]);
    // The path is that of the answer paragraph holding the defect.
    const [i, j] = textWarnings[0]!.path!;
    const turn = doc.body[i!]!;
    expect(turn.type === 'turn' && turn.children[j!]!.type === 'paragraph' && turn.children[j!]!.children[0]!.text).toContain('lãnh đaọ');
    expect(preflight(doc).warnings.filter((w) => w.code.startsWith('text.'))).toEqual([]);
  });
});
