/**
 * Documents with times on their paragraphs, and what the tests of times compare: each paragraph's
 * text beside its time. One builder for the model's, the review algebra's, the merge's, the
 * editor's and the subtitles' tests, so a time on the wrong paragraph reads the same in all of them.
 */
import { newInterview } from '../../shared/model/factory';
import type { Block, Interview, MediaTime, Paragraph } from '../../shared/model/schema';

/** A paragraph of one plain leaf, timed only when `time` is given (an untimed one has no `time` key). */
export const para = (text: string, time?: MediaTime): Paragraph => ({ type: 'paragraph', children: [{ text }], ...(time ? { time } : {}) });

/** A Vietnamese document, `doc-1`, with the factory's participants and this body. */
export function docWith(body: Block[]): Interview {
  const doc = newInterview('doc-1', 'vi');
  doc.body = body;
  return doc;
}

/** Each paragraph's text and time, in document order, at the top level and inside turns. */
export function timedBlocks(blocks: readonly Block[]): [string, MediaTime | undefined][] {
  const out: [string, MediaTime | undefined][] = [];
  const visit = (b: Block) => {
    if (b.type === 'paragraph') out.push([b.children.map((l) => l.text).join(''), b.time]);
    else if (b.type === 'turn') b.children.forEach(visit);
  };
  blocks.forEach(visit);
  return out;
}

/** `timedBlocks` of a document's body. */
export const timed = (doc: Interview): [string, MediaTime | undefined][] => timedBlocks(doc.body);
