/**
 * The agency plain-text exporter: an agency article (the repository's fixture, and the real seed
 * where present) comes back byte for byte up to its byline; a hand-built document gives the text
 * written out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { exportAgencyText } from '../../../../shared/export/agency-text';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview, Photo } from '../../../../shared/model/schema';

import { fixtureInterviewText, realSeedText } from '../../../helpers/material';
import { itNeeds } from '../../../helpers/it-needs';

/** Import then export: the same bytes up to and including the byline line (the web chrome after it is dropped). */
function roundTripsUpToByline(text: string, byline: string): void {
  const bylineEnd = text.indexOf(`\n${byline}\n`) + `\n${byline}\n`.length;
  expect(bylineEnd).toBeGreaterThan(100);
  const exported = exportAgencyText(importAgencyText(text, { id: 'seed' }).doc);
  expect(exported).toBe(text.slice(0, bylineEnd));
  expect(Buffer.from(exported, 'utf8').equals(Buffer.from(text, 'utf8').subarray(0, Buffer.byteLength(text.slice(0, bylineEnd), 'utf8')))).toBe(true);
}

describe('agency text export', () => {
  it('round-trips the fixture interview: byte-identical up to and including the byline `Minh Trang`', () => {
    roundTripsUpToByline(fixtureInterviewText(), 'Minh Trang');
  });

  itNeeds('seed')('round-trips the real seed: byte-identical up to and including the byline `Thanh Bình`', () => {
    roundTripsUpToByline(realSeedText(), 'Thanh Bình');
  });

  it('is deterministic: the same document gives the same bytes', () => {
    const doc = importAgencyText(fixtureInterviewText(), { id: 'seed' }).doc;
    expect(exportAgencyText(structuredClone(doc))).toBe(exportAgencyText(doc));
  });

  it('writes labels, photos inside and outside turns, and skips empty fields and paragraphs', () => {
    const doc: Interview = newInterview('d', 'en');
    doc.meta.headline = 'Harbour reopens';
    doc.meta.byline = 'Jo Park';
    doc.participants = [
      { id: 'p1', label: 'Q', fullName: '', title: '', role: 'interviewer' },
      { id: 'p2', label: 'Ann Lee', fullName: 'Ann Lee', title: '', role: 'interviewee' },
    ];
    const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
    const photo = (caption: string, credit: string): Photo => ({ type: 'photo', assetId: null, caption, credit, alt: '', children: [{ text: '' }] });
    doc.body = [
      photo('The quay at dawn.', 'Jo Park'),
      p(''),
      { type: 'turn', speakerId: 'p1', children: [p(''), p('When?')] },
      { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'In ' }, { text: 'May', bold: true }, { text: '.' }] }, photo('', 'Port office'), p('Early May.')] },
      { type: 'turn', speakerId: 'p2', children: [photo('Ann Lee.', ''), p('More.')] },
      p(''),
    ];
    expect(exportAgencyText(doc)).toBe(
      [
        'Harbour reopens',
        '',
        'The quay at dawn.',
        'Photo: Jo Park',
        '',
        '* Q: When?',
        '',
        '* Ann Lee: In May.',
        '',
        'Photo: Port office',
        '',
        'Early May.',
        '',
        '* Ann Lee:',
        '',
        'Ann Lee.',
        'Photo:',
        '',
        'More.',
        '',
        'Jo Park',
        '',
      ].join('\n'),
    );
  });

  it('uses the Vietnamese credit marker for a Vietnamese document, and gives nothing for an empty one', () => {
    const doc = newInterview('d', 'vi');
    expect(exportAgencyText(doc)).toBe('');
    doc.body = [{ type: 'photo', assetId: null, caption: 'Chú thích.', credit: 'TTXVN', alt: '', children: [{ text: '' }] }];
    expect(exportAgencyText(doc)).toBe('Chú thích.\nẢnh: TTXVN\n');
  });
});
