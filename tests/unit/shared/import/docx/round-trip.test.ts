/**
 * Export, then import, of a document nobody changed gives back the same turns, speakers, captions
 * and metadata: for documents made by the generators the export tests use (hostile characters,
 * 100,000-character paragraphs, many photos), normalised as the library stores them, in both views. What the file format itself changes is
 * applied to the expectation first, as docs/wordprocessingml.md says: text cleaned for XML
 * (`wordText`), and a photo with neither image, caption nor credit has nothing to show in Word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../../shared/export/docx';
import { wordText } from '../../../../../shared/export/docx/text';
import { docxInterview } from '../../../../../shared/import/docx/docx-interview';
import { docxView } from '../../../../../shared/import/docx/docx-views';
import { readDocx } from '../../../../../shared/import/docx/read-docx';
import { normalizeInterview } from '../../../../../shared/model/normalize';
import type { Block, Interview, Paragraph, Photo } from '../../../../../shared/model/schema';
import { acceptedView } from '../../../../../shared/review';
import { validDocument } from '../../../../helpers/document-arbitraries';
import { generatedHostileDocument, optionsFor, seedLikeDocument } from '../../../../helpers/export-fixtures';

type Shape = string | { speaker: string; children: string[] };

const text = (p: Paragraph) => p.children.map((l) => l.text).join('');
const photoShape = (p: Photo) => `[photo ${p.caption} | ${p.credit}]`;

/** What a reader of the document sees: paragraphs, turns by speaker label, photos by caption and credit. */
function shape(doc: Interview, clean: (s: string) => string): { meta: string[]; body: Shape[] } {
  const label = (id: string) => clean(doc.participants.find((p) => p.id === id)?.label ?? id);
  const child = (c: Paragraph | Photo) => (c.type === 'paragraph' ? clean(text(c)) : photoShape({ ...c, caption: clean(c.caption), credit: clean(c.credit) }));
  const body: Shape[] = doc.body.map((b: Block) => (b.type === 'turn' ? { speaker: label(b.speakerId), children: b.children.map(child) } : child(b)));
  return { meta: [doc.meta.headline, doc.meta.subheadline, doc.meta.sapo, doc.meta.byline].map(clean), body };
}

/** The document as its Word file can carry it: XML-clean text, and no photo that shows nothing. */
function expected(doc: Interview): Interview {
  const accepted = acceptedView(doc);
  // optionsFor gives no image bytes: a photo shows in Word by its caption and credit alone.
  const visible = (c: Block | Paragraph | Photo) => !(c.type === 'photo' && c.caption === '' && c.credit === '');
  return normalizeInterview({
    ...accepted,
    body: accepted.body.filter(visible).map((b) => (b.type === 'turn' ? { ...b, children: b.children.filter(visible) } : b)) as Block[],
  });
}

function readBack(doc: Interview, view: 'review' | 'clean'): Interview {
  const bytes = exportDocx(view === 'clean' ? acceptedView(doc) : doc, optionsFor(doc), view);
  const reading = readDocx(bytes);
  return docxInterview(docxView(reading.paragraphs, () => true), { template: doc, assetOf: () => null });
}

const clean = (s: string) => wordText(s).trim();

describe('a Word export read back unchanged', () => {
  it('gives the seed-like interview back exactly', () => {
    const doc = seedLikeDocument();
    expect(readBack(doc, 'clean')).toEqual(normalizeInterview(acceptedView(doc)));
  });

  it.each(['review', 'clean'] as const)('gives back the turns, speakers, photos and header of generated documents (%s)', (view) => {
    const documents = fc.oneof(
      validDocument,
      fc.integer({ min: 0, max: 50 }).map((seed) => generatedHostileDocument(seed)),
    );
    fc.assert(
      fc.property(documents, (generated) => {
        // As the library stores it (and so exports it): normalised.
        const doc = normalizeInterview(generated);
        expect(shape(readBack(doc, view), clean)).toEqual(shape(expected(doc), clean));
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
