import { describe, expect, it } from 'vitest';
import { carryFindings } from '../../../../renderer/src/spelling/carry-findings';
import type { TextFinding } from '../../../../shared/vietnamese/findings';

const tone = (start: number, found: string, suggestion: string): TextFinding => ({ start, end: start + found.length, kind: 'misplaced-tone', found, suggestion });

describe('carryFindings', () => {
  const before = 'lãnh đaọ và hoà bình';
  const findings = [tone(5, 'đaọ', 'đạo'), tone(12, 'hoà', 'hòa')];

  it('moves findings after the edit, keeps those before it', () => {
    expect(carryFindings(before, findings, 'Ban lãnh đaọ và hoà bình')).toEqual([tone(9, 'đaọ', 'đạo'), tone(16, 'hoà', 'hòa')]);
    expect(carryFindings(before, findings, 'lãnh đaọ và hoà bình ổn định')).toEqual(findings);
    expect(carryFindings(before, findings, 'lãnh đaọ, và hoà bình')).toEqual([tone(5, 'đaọ', 'đạo'), tone(13, 'hoà', 'hòa')]);
  });

  it('drops a finding whose word the edit touched', () => {
    expect(carryFindings(before, findings, 'lãnh đạo và hoà bình')).toEqual([tone(12, 'hoà', 'hòa')]);
    expect(carryFindings(before, findings, 'lãnh đaọx và hoà bình')).toEqual([tone(13, 'hoà', 'hòa')]);
    expect(carryFindings(before, findings, 'lãnh xđaọ và hoà bình')).toEqual([tone(13, 'hoà', 'hòa')]);
    expect(carryFindings(before, findings, '')).toEqual([]);
  });
});
