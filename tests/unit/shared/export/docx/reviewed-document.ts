/**
 * An interview under review, built by hand: two pending suggestions by two editors (a word typed
 * into an answer, a phrase struck from it) and one comment thread with a reply, resolved. What the
 * Word export of it must show is written out in the tests, not computed.
 */
import type { Interview } from '../../../../../shared/model/schema';
import { optionsFor, para, seedLikeDocument, turn } from '../../../../helpers/export-fixtures';

export const INSERTED_BY = 'Trần Thị Biên Tập';
export const DELETED_BY = 'Outside Editor';
export const COMMENT_BY = 'Lê Văn Duyệt';
export const REPLY_BY = 'Thanh Bình';

export function reviewedDocument(): Interview {
  const doc = seedLikeDocument();
  doc.body = [
    para('TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng.'),
    turn('p1', para('Thời gian qua, công tác này được thực hiện ra sao, thưa ông?')),
    turn(
      'p2',
      para(
        { text: 'Đảng bộ tỉnh ' },
        { text: 'Long An ', ins: 's1' },
        { text: 'có 19 đảng bộ trực thuộc', comments: ['t1'] },
        { text: ' và rất nhiều chi bộ', del: 's2' },
        { text: '.' },
      ),
    ),
    turn('p1', para('Trân trọng cảm ơn ông!')),
  ];
  doc.review = {
    suggestions: [
      { id: 's1', kind: 'insertText', authorId: 'u-bt', authorName: INSERTED_BY, createdAt: '2026-03-01T08:15:00.000Z' },
      { id: 's2', kind: 'deleteText', authorId: 'u-oe', authorName: DELETED_BY, createdAt: '2026-03-02T09:30:00.000Z' },
    ],
    metaChanges: [],
  };
  doc.comments = [
    {
      id: 't1',
      quote: 'có 19 đảng bộ trực thuộc',
      comments: [
        { id: 'c1', authorId: 'u-lvd', authorName: COMMENT_BY, createdAt: '2026-03-01T10:00:00.000Z', text: 'Số liệu này của năm nào?' },
        { id: 'c2', authorId: 'u-tb', authorName: REPLY_BY, createdAt: '2026-03-01T11:00:00.000Z', text: 'Năm 2024, theo Tỉnh ủy.' },
      ],
      resolved: { authorId: 'u-lvd', authorName: COMMENT_BY, at: '2026-03-01T12:00:00.000Z' },
    },
  ];
  return doc;
}

/** The accepted text of the body, a paragraph a line, with labels as Word shows them. */
export const ACCEPTED_BODY_LINES = [
  'TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng.',
  'Phóng viên: Thời gian qua, công tác này được thực hiện ra sao, thưa ông?',
  'Ông Nguyễn Thanh Hải: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.',
  'Phóng viên: Trân trọng cảm ơn ông!',
];

export const reviewedOptions = () => optionsFor(reviewedDocument());
