/**
 * Measured quality of the tone-mark and spelling checks on a whole agency article: its one real
 * defect is found with the right fix, and nothing else is reported (the count of other findings,
 * the false positives, is printed and must stay 0). Also: the article is in the traditional style,
 * the house default, which the same check in the modern style shows.
 *
 * Run on the repository's agency-style interview (one misplaced mark, `khaỏ`), and on the real
 * seed article where it is present (its one defect, `lãnh đaọ`).
 */
import { describe, expect, it } from 'vitest';
import { preflight } from '../../../../shared/export/preflight';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { checkText } from '../../../../shared/vietnamese/check-text';
import { applyFix } from '../../../../shared/vietnamese/fixes';
import { fixtureInterviewText, realSeedText } from '../../../helpers/material';
import { itNeeds } from '../../../helpers/it-needs';
import { englishSpeller, vietnameseDictionary } from '../../../helpers/vietnamese-dictionaries';

const traditional = { language: 'vi' as const, style: 'traditional' as const, vietnamese: vietnameseDictionary('traditional'), english: englishSpeller() };

interface Article {
  name: string;
  text: () => string;
  /** The misplaced mark, its fix, and the word before it. */
  defect: { found: string; suggestion: string; before: string };
  /** The traditional spellings a modern-style check reports, sorted. */
  traditionalSpellings: string[];
}

function measures(article: Article, test: (name: string, fn: () => void) => void): void {
  const { found, suggestion, before } = article.defect;

  test(`has \`${before}${found}\` flagged with \`${suggestion}\` first, and no other finding`, () => {
    const text = article.text();
    const findings = checkText(text, traditional);
    const defect = findings.find((f) => f.found === found);
    expect(defect).toEqual(expect.objectContaining({ kind: 'misplaced-tone', found, suggestion }));
    expect(text.slice(defect!.start - before.length, defect!.end)).toBe(`${before}${found}`);
    expect(applyFix(text, defect!).slice(defect!.start - before.length, defect!.end)).toBe(`${before}${suggestion}`);

    const others = findings.filter((f) => f !== defect);
    console.log(`${article.name}: ${findings.length} finding(s); false positives: ${others.length}${others.map((f) => `\n  ${f.kind} ${f.found}`).join('')}`);
    expect(others).toEqual([]);
  });

  test('is written in the traditional style: checked as modern, its traditional spellings are house-style findings', () => {
    const findings = checkText(article.text(), { ...traditional, style: 'modern', vietnamese: vietnameseDictionary('modern') });
    const houseStyle = findings.filter((f) => f.kind === 'house-style');
    console.log(`${article.name} checked as modern: ${houseStyle.length} house-style finding(s)`);
    expect(houseStyle.map((f) => f.found).sort()).toEqual(article.traditionalSpellings);
    expect(findings.filter((f) => f.kind !== 'house-style').map((f) => f.found)).toEqual([found]);
  });

  test('gives one preflight warning when the text checks are asked for, and none otherwise', () => {
    const { doc } = importAgencyText(article.text(), { id: 'seed' });
    const checks = { style: 'traditional' as const, vietnamese: vietnameseDictionary('traditional'), english: englishSpeller() };
    const textWarnings = preflight(doc, { textChecks: checks }).warnings.filter((w) => w.code.startsWith('text.'));
    expect(textWarnings).toEqual([
      expect.objectContaining({ code: 'text.misplaced-tone', severity: 'warning', params: { words: `${found} → ${suggestion}`, count: 1, style: 'traditional' }, field: null }),
    ]);
    // The path is that of the answer paragraph holding the defect.
    const [i, j] = textWarnings[0]!.path!;
    const turn = doc.body[i!]!;
    expect(turn.type === 'turn' && turn.children[j!]!.type === 'paragraph' && turn.children[j!]!.children[0]!.text).toContain(`${before}${found}`);
    expect(preflight(doc).warnings.filter((w) => w.code.startsWith('text.'))).toEqual([]);
  });
}

describe('the agency-style fixture interview', () => {
  measures(
    {
      name: 'fixture interview',
      text: fixtureInterviewText,
      defect: { found: 'khaỏ', suggestion: 'khảo', before: 'quả ' },
      // 3 `ủy` (cấp ủy ×2, Tỉnh ủy), 3 `Ủy` (Ủy ban), `thủy` (thủy lợi), `hóa` (kiên cố hóa)
      traditionalSpellings: ['hóa', 'thủy', 'Ủy', 'Ủy', 'Ủy', 'ủy', 'ủy', 'ủy'],
    },
    it,
  );
});

describe('the real seed article', () => {
  measures(
    {
      name: 'seed',
      text: realSeedText,
      defect: { found: 'đaọ', suggestion: 'đạo', before: 'lãnh ' },
      traditionalSpellings: ['khóa', ...Array<string>(11).fill('ủy')],
    },
    itNeeds('seed'),
  );
});
