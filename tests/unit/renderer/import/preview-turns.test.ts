/** The turns the import preview lists, each with its line, first words and the findings about it. */
import { describe, expect, it } from 'vitest';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { previewTurns } from '../../../../renderer/src/import/preview-turns';
import { fixtureInterviewText } from '../../../helpers/material';

describe('previewTurns', () => {
  it('a finding is shown at the turn it is in', () => {
    const text = ['PV: Hỏi một?', 'Ông Hải: Đáp một.', 'Ông Hải: Đáp hai.', 'PV: Hỏi hai?', 'Ông Hải: Đáp ba.'].join('\n\n');
    const result = importAgencyText(text);
    const turns = previewTurns(result, result.report.findings);
    expect(turns.map((t) => [t.line, t.text])).toEqual([
      [1, 'Hỏi một?'],
      [3, 'Đáp một.'],
      [5, 'Đáp hai.'],
      [7, 'Hỏi hai?'],
      [9, 'Đáp ba.'],
    ]);
    expect(turns.map((t) => t.findings.map((f) => f.kind))).toEqual([[], [], ['same-speaker-twice'], [], []]);
  });

  it('the page’s chrome after the last turn is not the last turn’s', () => {
    const result = importAgencyText(fixtureInterviewText());
    const turns = previewTurns(result, result.report.findings);
    expect(turns).toHaveLength(9);
    expect(turns[8]!.line).toBe(46);
    // Lines 50–52 (related links) are left out after the byline: a finding, but of no turn.
    expect(result.report.findings.map((f) => [f.kind, f.line])).toEqual([['furniture-dropped', 50]]);
    expect(turns.flatMap((t) => t.findings)).toEqual([]);
  });
});
