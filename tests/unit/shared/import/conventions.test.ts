/**
 * The conventions real published interviews use, each in hand-written fixtures (Vietnamese and
 * English where both occur): tests/fixtures/import/<name>.txt, with what a careful reader sees in
 * it written by hand next to it in <name>.expected.json — the turns and who speaks them, the
 * intro, captions and credits, headline, byline, location, and every place the importer should
 * say it was unsure of (findings, by line). Nothing in the expectations is produced by the code.
 *
 * Expectation file:
 *   conventions   the conventions the fixture shows (counted below: at least two fixtures each)
 *   language      the text's language
 *   meta          exactly the metadata fields the text supplies
 *   participants  label and role (and fullName / title where given), in order of first turn
 *   intro         the blocks before the first turn: paragraphs, `[photo: caption | credit]`
 *   turns         each turn: its speaker's label, then its paragraphs and photos
 *   findings      [line, kind] of every finding, in line order
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportAgencyText } from '../../../../shared/export/agency-text';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { normalizeInterview } from '../../../../shared/model/normalize';
import type { Block, Interview, Turn } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';

const DIR = new URL('../../../fixtures/import/', import.meta.url);

interface Expected {
  conventions: string[];
  language: 'vi' | 'en';
  meta: Record<string, string>;
  participants: Array<{ label: string; role: 'interviewer' | 'interviewee'; fullName?: string; title?: string }>;
  intro: string[];
  turns: string[][];
  findings: Array<[number, string]>;
}

const CASES = readdirSync(DIR)
  .filter((name) => name.endsWith('.expected.json'))
  .sort()
  .map((name) => {
    const base = name.slice(0, -'.expected.json'.length);
    return { name: base, text: readFileSync(new URL(`${base}.txt`, DIR), 'utf8'), expected: JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Expected };
  });

const blockText = (b: Block | Turn['children'][number]) =>
  b.type === 'paragraph' ? b.children.map((l) => l.text).join('') : b.type === 'photo' ? `[photo: ${b.caption} | ${b.credit}]` : '';

function reading(doc: Interview) {
  const labels = new Map(doc.participants.map((p) => [p.id, p.label]));
  const firstTurn = doc.body.findIndex((b) => b.type === 'turn');
  const front = firstTurn < 0 ? doc.body : doc.body.slice(0, firstTurn);
  return {
    intro: front.map(blockText).filter((t) => t !== ''),
    turns: doc.body.filter((b): b is Turn => b.type === 'turn').map((t) => [labels.get(t.speakerId)!, ...t.children.map(blockText).filter((x) => x !== '')]),
  };
}

/** Conventions that only Vietnamese text has (dropped diacritics, misdecoded Vietnamese letters). */
const ONE_LANGUAGE = new Set(['damaged-encoding']);

describe('the conventions real interviews use, on hand-written fixtures', () => {
  it.each(CASES)('$name', ({ text, expected }) => {
    const { doc, meta, report } = importAgencyText(text, { id: 'fixture' });
    const got = reading(doc);
    expect(report.language).toBe(expected.language);
    expect(doc.meta.language).toBe(expected.language);
    expect(meta).toEqual(expected.meta);
    expect(doc.participants.map((p) => ({ label: p.label, role: p.role }))).toEqual(expected.participants.map((p) => ({ label: p.label, role: p.role })));
    expected.participants.forEach((p, i) => {
      if (p.fullName !== undefined) expect(doc.participants[i]!.fullName).toBe(p.fullName);
      if (p.title !== undefined) expect(doc.participants[i]!.title).toBe(p.title);
    });
    expect(got.intro).toEqual(expected.intro);
    expect(got.turns).toEqual(expected.turns);
    expect(report.findings.map((f) => [f.line, f.kind])).toEqual(expected.findings);
    const checked = validateInterview(normalizeInterview(doc));
    expect(checked.ok, JSON.stringify(checked)).toBe(true);
  });

  it('has at least two fixtures for every convention, in both languages where both use it', () => {
    const byConvention = new Map<string, Array<'vi' | 'en'>>();
    for (const c of CASES) for (const conv of c.expected.conventions) byConvention.set(conv, [...(byConvention.get(conv) ?? []), c.expected.language]);
    const thin = [...byConvention].filter(([conv, langs]) => langs.length < 2 || (!ONE_LANGUAGE.has(conv) && new Set(langs).size < 2));
    expect(thin).toEqual([]);
    expect([...byConvention.keys()].sort()).toEqual(
      [
        'abbreviation-defined', 'captions', 'damaged-encoding', 'dash-dialogue', 'dateline', 'flattened', 'furniture', 'hard-wrapped',
        'headline-byline', 'label-description', 'label-once', 'language', 'no-space-colon', 'outlet-label', 'pair-labels', 'short-long-forms', 'unlabelled-question',
      ].sort(),
    );
  });

  it.each(CASES.filter((c) => c.expected.findings.length > 0 || c.expected.turns.length > 0))('$name: the exported text reads back as the same turns', ({ text }) => {
    const first = importAgencyText(text, { id: 'fixture' });
    const again = importAgencyText(exportAgencyText(first.doc), { id: 'fixture', language: first.doc.meta.language });
    expect(reading(again.doc)).toEqual(reading(first.doc));
    expect(again.doc.participants.map((p) => [p.label, p.role])).toEqual(first.doc.participants.map((p) => [p.label, p.role]));
  });
});
