/**
 * `edit(doc, edits)`: the edits applied plainly, the reference that suggestions are checked against.
 * It works on the accepted view (edits.ts explains why positions address it), so for a document
 * without suggestions it is simply the document edited.
 */
import { joinedTime } from '../model/media-time';
import type { Block, Interview, Paragraph, Photo, TextLeaf, Turn } from '../model/schema';
import { EditError, type BlockPath, type Edit } from './edits';
import { newLeaf, splitLeafAt, tidyLeaves } from './leaves';
import { acceptedView } from './resolve';

interface Place {
  children: Block[];
  index: number;
}

function placeOf(doc: Interview, path: BlockPath, e: Edit): Place {
  if (path.length === 1) return { children: doc.body, index: path[0] };
  const turn = doc.body[path[0]];
  if (turn?.type !== 'turn') throw new EditError(e, `no turn at [${path[0]}]`);
  return { children: turn.children, index: path[1] };
}

function blockAt(doc: Interview, path: BlockPath, e: Edit): Place & { block: Block } {
  const place = placeOf(doc, path, e);
  const block = place.children[place.index];
  if (!block) throw new EditError(e, `no block at [${path.join(', ')}]`);
  return { ...place, block };
}

function insertionPlace(doc: Interview, path: BlockPath, e: Edit): Place {
  const place = placeOf(doc, path, e);
  if (!Number.isInteger(place.index) || place.index < 0 || place.index > place.children.length) throw new EditError(e, `cannot insert at [${path.join(', ')}]`);
  return place;
}

function paragraphAt(doc: Interview, path: BlockPath, e: Edit): Paragraph {
  const { block } = blockAt(doc, path, e);
  if (block.type !== 'paragraph') throw new EditError(e, `[${path.join(', ')}] is a ${block.type}, not a paragraph`);
  return block;
}

function photoAt(doc: Interview, path: BlockPath, e: Edit): Place & { block: Photo } {
  const place = blockAt(doc, path, e);
  if (place.block.type !== 'photo') throw new EditError(e, `[${path.join(', ')}] is a ${place.block.type}, not a photo`);
  return place as Place & { block: Photo };
}

function turnAt(doc: Interview, index: number, e: Edit): Turn {
  const block = doc.body[index];
  if (block?.type !== 'turn') throw new EditError(e, `no turn at [${index}]`);
  return block;
}

/** Split the leaves so that a boundary falls at `offset`; the index of the first leaf after it. */
function cutAt(leaves: TextLeaf[], offset: number): number {
  let pos = 0;
  for (let i = 0; i < leaves.length; i++) {
    if (offset <= pos) return i;
    const len = leaves[i]!.text.length;
    if (offset < pos + len) return splitLeafAt(leaves, i, offset - pos);
    pos += len;
  }
  return leaves.length;
}

function checkRange(p: Paragraph, offset: number, length: number, e: Edit): void {
  const size = p.children.reduce((n, l) => n + l.text.length, 0);
  if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new EditError(e, `range ${offset}+${length} is outside a paragraph of ${size} characters`);
  }
}

export function newPhoto(fields: { assetId: string | null; caption: string; credit: string; alt: string }): Photo {
  return { type: 'photo', assetId: fields.assetId, caption: fields.caption, credit: fields.credit, alt: fields.alt, children: [{ text: '' }] };
}

export function newTurn(speakerId: string, text: string): Turn {
  return { type: 'turn', speakerId, children: [{ type: 'paragraph', children: [{ text }] }] };
}

function applyEdit(doc: Interview, e: Edit): void {
  switch (e.type) {
    case 'insertText':
    case 'deleteText':
    case 'replaceText': {
      const p = paragraphAt(doc, e.at.path, e);
      const length = e.type === 'insertText' ? 0 : e.length;
      checkRange(p, e.at.offset, length, e);
      const leaves = [...p.children];
      const start = cutAt(leaves, e.at.offset);
      const end = cutAt(leaves, e.at.offset + length);
      const inserted = e.type === 'deleteText' || e.text === '' ? [] : [newLeaf(e.text, e.marks, undefined)];
      leaves.splice(start, end - start, ...inserted);
      p.children = tidyLeaves(leaves);
      return;
    }
    case 'splitParagraph': {
      const { children, index } = blockAt(doc, e.at.path, e);
      const p = paragraphAt(doc, e.at.path, e);
      checkRange(p, e.at.offset, 0, e);
      const leaves = [...p.children];
      const cut = cutAt(leaves, e.at.offset);
      // The time stays with the half before the cut (media-time.ts).
      const first: Paragraph = { type: 'paragraph', children: tidyLeaves(leaves.slice(0, cut)), ...(p.time ? { time: p.time } : {}) };
      children.splice(index, 1, first, { type: 'paragraph', children: tidyLeaves(leaves.slice(cut)) });
      return;
    }
    case 'mergeParagraphs': {
      const { children, index } = blockAt(doc, e.at, e);
      const [a, b] = [children[index], children[index + 1]];
      if (a?.type !== 'paragraph' || b?.type !== 'paragraph') throw new EditError(e, `[${e.at.join(', ')}] and the block after it are not two paragraphs`);
      const time = joinedTime(a.time, b.time);
      children.splice(index, 2, { type: 'paragraph', children: tidyLeaves([...a.children, ...b.children]), ...(time ? { time } : {}) });
      return;
    }
    case 'insertTurn': {
      const { children, index } = insertionPlace(doc, [e.at], e);
      children.splice(index, 0, newTurn(e.speakerId, e.text));
      return;
    }
    case 'removeTurn':
      turnAt(doc, e.at, e);
      doc.body.splice(e.at, 1);
      return;
    case 'setSpeaker':
      turnAt(doc, e.at, e).speakerId = e.speakerId;
      return;
    case 'insertPhoto': {
      const { children, index } = insertionPlace(doc, e.at, e);
      children.splice(index, 0, newPhoto(e.photo));
      return;
    }
    case 'removePhoto': {
      const { children, index } = photoAt(doc, e.at, e);
      children.splice(index, 1);
      return;
    }
    case 'movePhoto': {
      const { children, index, block } = photoAt(doc, e.from, e);
      children.splice(index, 1);
      const to = insertionPlace(doc, e.to, e);
      to.children.splice(to.index, 0, block);
      return;
    }
    case 'setPhotoText':
      photoAt(doc, e.at, e).block[e.field] = e.value;
      return;
    case 'setMeta':
      (doc.meta as Record<string, unknown>)[e.field] = e.value;
      return;
  }
}

/** Apply edits plainly to the accepted view of `doc` (a new document; `doc` is not touched). */
export function edit(doc: Interview, edits: readonly Edit[]): Interview {
  const work = JSON.parse(JSON.stringify(acceptedView(doc))) as Interview;
  for (const e of edits) {
    applyEdit(work, e);
    if (work.body.length === 0) throw new EditError(e, 'the body keeps at least one block');
  }
  return work;
}
