/**
 * Whatever a document holds, its Word export is a zip whose parts are well-formed XML and whose
 * text holds every character of the accepted text (after the cleaning XML needs: lone surrogates
 * as U+FFFD, forbidden controls dropped, line breaks as spaces). Documents come from the
 * generators the other export and storage tests use, hostile characters included.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../../shared/export/docx';
import { wordText } from '../../../../../shared/export/docx/text';
import type { Interview, Paragraph } from '../../../../../shared/model/schema';
import { acceptedView } from '../../../../../shared/review';
import { validDocument } from '../../../../helpers/document-arbitraries';
import { generatedHostileDocument, optionsFor } from '../../../../helpers/export-fixtures';
import { assertWellFormed } from '../../../../helpers/xml';

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (xml: string) =>
  xml.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) => (e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITY[e] ?? `&${e};`)));

/** The text of each paragraph as Word shows it with the changes accepted (w:t, not w:delText). */
function paragraphTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1] ?? '')).join(''));
}

function bodyParagraphs(doc: Interview): Paragraph[] {
  return doc.body.flatMap((b) => (b.type === 'paragraph' ? [b] : b.type === 'turn' ? b.children.filter((c): c is Paragraph => c.type === 'paragraph') : []));
}

const documents = fc.oneof(
  validDocument,
  fc.integer({ min: 0, max: 50 }).map((seed) => generatedHostileDocument(seed)),
);

describe('every Word export is a valid package holding the accepted text', () => {
  it.each(['review', 'clean'] as const)('%s', (view) => {
    fc.assert(
      fc.property(documents, (doc) => {
        const bytes = exportDocx(view === 'clean' ? acceptedView(doc) : doc, optionsFor(doc), view);
        const files = unzipSync(bytes);
        for (const [path, data] of Object.entries(files)) if (path.endsWith('.xml') || path.endsWith('.rels')) assertWellFormed(strFromU8(data));
        const texts = paragraphTexts(strFromU8(files['word/document.xml'] ?? new Uint8Array()));
        for (const p of bodyParagraphs(acceptedView(doc))) {
          const expected = p.children.map((l) => wordText(l.text)).join('');
          if (expected !== '') expect(texts.some((t) => t.endsWith(expected))).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
