/**
 * A review copy sent to a Word user comes back with their tracked changes and a comment, and is
 * merged onto the interview it was exported from: their revisions become pending suggestions under
 * their Word name, beside ours (still pending), their comment a thread of its own, and nothing is
 * decided for the desk. The expected texts are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../../shared/export/docx';
import { mergeReturnedDocx } from '../../../../../shared/import/docx/returned-docx';
import { readDocx } from '../../../../../shared/import/docx/read-docx';
import { docxImages } from '../../../../../shared/import/docx/import-docx';
import type { Interview } from '../../../../../shared/model/schema';
import { acceptedView, listPending, rejectAll } from '../../../../../shared/review';
import { para, turn } from '../../../../helpers/export-fixtures';
import { addComment, deleteTracked, editDocx, replaceTracked } from '../../../../helpers/word-edits';
import { reviewedDocument, reviewedOptions } from '../../export/docx/reviewed-document';

const OUTSIDE = { author: 'Outside Editor', date: '2026-12-08T09:00:00Z' };
const AT = '2026-12-08T10:00:00.000Z';

/** The reviewed interview, its intro two sentences long so one can be struck. */
function sentVersion(): Interview {
  const doc = reviewedDocument();
  doc.body[0] = para('TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng. Công tác phát triển đảng viên được chú trọng.');
  return doc;
}

const bodyLines = (doc: Interview) =>
  acceptedView(doc).body.map((b) => (b.type === 'paragraph' ? b.children.map((l) => l.text).join('') : b.type === 'turn' ? `${b.speakerId}: ${b.children.map((c) => (c.type === 'paragraph' ? c.children.map((l) => l.text).join('') : '[photo]')).join(' / ')}` : '[photo]'));

function returned(edit: (parts: Map<string, string>) => void): Uint8Array {
  const sent = sentVersion();
  return editDocx(exportDocx(sent, reviewedOptions(), 'review'), edit);
}

function mergeBack(bytes: Uint8Array, ours: Interview = sentVersion()) {
  const reading = readDocx(bytes);
  return mergeReturnedDocx(sentVersion(), ours, reading, { at: AT, fileName: 'returned.docx', assetOf: docxImages(reading).assetOf });
}

describe('a Word review copy merged back onto its interview', () => {
  it('brings nothing when the file comes back unchanged', () => {
    const result = mergeBack(exportDocx(sentVersion(), reviewedOptions(), 'review'));
    expect(result.changed).toBe(false);
    expect(result.suggestions).toBe(0);
    expect(result.doc.comments?.map((t) => t.id)).toEqual(['t1']);
  });

  it('turns a Word user’s tracked deletion and replacement into their suggestions, and their comment into a thread', () => {
    const bytes = returned((parts) => {
      deleteTracked(parts, ' Công tác phát triển đảng viên được chú trọng.', OUTSIDE);
      replaceTracked(parts, 'thực hiện', 'triển khai', OUTSIDE);
      addComment(parts, 'Trân trọng cảm ơn ông!', 'Giữ nguyên lời cảm ơn.', OUTSIDE);
    });
    const result = mergeBack(bytes);
    expect(result.authors).toEqual(['Outside Editor']);
    expect(result.conflicts).toBe(0);

    // Nothing is decided: our two suggestions and theirs are pending, each under its author.
    const pending = listPending(result.doc);
    const by = (name: string) => pending.filter((p) => p.authorName === name).map((p) => [p.removed, p.added]);
    expect(by('Trần Thị Biên Tập')).toEqual([['', 'Long An ']]);
    expect(by('Outside Editor')).toEqual(
      expect.arrayContaining([
        [' và rất nhiều chi bộ', ''],
        [expect.stringContaining('Công tác phát triển đảng viên được chú trọng.'), ''],
      ]),
    );
    const theirs = result.doc.review!.suggestions.filter((s) => s.authorName === 'Outside Editor' && s.authorId === 'word:Outside Editor');
    expect(theirs.length).toBeGreaterThanOrEqual(2);
    expect(pending.some((p) => p.authorName === 'Outside Editor' && p.added.includes('triển khai'))).toBe(true);
    expect(pending.some((p) => p.authorName === 'Outside Editor' && p.removed.includes('thực hiện'))).toBe(true);

    // Accepting everything is the text as the Word user left it …
    expect(bodyLines(result.doc)).toEqual([
      'TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng.',
      'p1: Thời gian qua, công tác này được triển khai ra sao, thưa ông?',
      'p2: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.',
      'p1: Trân trọng cảm ơn ông!',
    ]);
    // … and rejecting everything is the text before anyone's suggestion.
    expect(bodyLines(rejectAll(result.doc))).toEqual([
      'TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng. Công tác phát triển đảng viên được chú trọng.',
      'p1: Thời gian qua, công tác này được thực hiện ra sao, thưa ông?',
      'p2: Đảng bộ tỉnh có 19 đảng bộ trực thuộc và rất nhiều chi bộ.',
      'p1: Trân trọng cảm ơn ông!',
    ]);

    // Two threads: ours, as it was, and theirs on the words they commented.
    const threads = result.doc.comments ?? [];
    expect(threads.map((t) => t.comments.map((c) => [c.authorName, c.text]))).toEqual([
      [
        ['Lê Văn Duyệt', 'Số liệu này của năm nào?'],
        ['Thanh Bình', 'Năm 2024, theo Tỉnh ủy.'],
      ],
      [['Outside Editor', 'Giữ nguyên lời cảm ơn.']],
    ]);
    expect(threads[1]!.quote).toBe('Trân trọng cảm ơn ông!');
    const last = result.doc.body[3]!;
    expect(last.type === 'turn' && last.children[0]!.type === 'paragraph' && last.children[0]!.children.some((l) => l.comments?.includes(threads[1]!.id) && l.text === 'Trân trọng cảm ơn ông!')).toBe(true);
  });

  it('keeps work done here since the file was sent, and gives untracked edits to the file’s editor', () => {
    const ours = sentVersion();
    ours.body.push(turn('p2', para('Xin cảm ơn.')));
    const bytes = returned((parts) => {
      // Typed without tracking: the file differs from what was sent, with no revision saying so.
      parts.set('word/document.xml', parts.get('word/document.xml')!.replace('Trân trọng cảm ơn ông!', 'Trân trọng cảm ơn ông nhiều!'));
      parts.set('docProps/core.xml', parts.get('docProps/core.xml')!.replace('</cp:coreProperties>', '<cp:lastModifiedBy>Nguyễn Văn Sửa</cp:lastModifiedBy></cp:coreProperties>'));
    });
    const result = mergeBack(bytes, ours);
    expect(listPending(result.doc).filter((p) => p.authorName === 'Nguyễn Văn Sửa').map((p) => p.added)).toEqual([expect.stringContaining('nhiều')]);
    expect(bodyLines(result.doc).at(-1)).toBe('p2: Xin cảm ơn.');
    expect(bodyLines(result.doc).at(-2)).toBe('p1: Trân trọng cảm ơn ông nhiều!');
  });
});
