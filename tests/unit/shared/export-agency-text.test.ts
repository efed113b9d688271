/**
 * The agency plain-text exporter: the seed article (read in place from ../shared/seed) comes back
 * byte for byte up to its byline; a hand-built document gives the text written out by hand below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportAgencyText } from '../../../shared/export/agency-text';
import { importAgencyText } from '../../../shared/import/agency-text';
import { newInterview } from '../../../shared/model/factory';
import type { Interview, Photo } from '../../../shared/model/schema';

const SEED = new URL('../../../../shared/seed/000_70cfa9748694c4ad.txt', import.meta.url);

describe('agency text export', () => {
  it('round-trips the seed: byte-identical up to and including the byline `Thanh Bình`', () => {
    const seed = readFileSync(SEED, 'utf8');
    const bylineEnd = seed.indexOf('\nThanh Bình\n') + '\nThanh Bình\n'.length;
    expect(bylineEnd).toBeGreaterThan(100);
    const exported = exportAgencyText(importAgencyText(seed, { id: 'seed' }).doc);
    expect(exported).toBe(seed.slice(0, bylineEnd));
    expect(Buffer.from(exported, 'utf8').equals(Buffer.from(seed, 'utf8').subarray(0, Buffer.byteLength(seed.slice(0, bylineEnd), 'utf8')))).toBe(true);
  });

  it('is deterministic: the same document gives the same bytes', () => {
    const doc = importAgencyText(readFileSync(SEED, 'utf8'), { id: 'seed' }).doc;
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
