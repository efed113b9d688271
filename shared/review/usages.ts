/**
 * Every place a suggestion id is used, in document order (metadata first, then the body as it reads).
 * Paths are Slate paths into the stored (marked-up) document: a leaf's path ends with its index.
 */
import type { Block, Interview, MetaChange, Paragraph, Photo, TextLeaf, TrackedMetaField, Turn } from '../model/schema';
import type { PhotoTextField } from './values';
import { TRACKED_META_FIELDS } from './values';

export type Usage =
  | { use: 'meta'; field: TrackedMetaField }
  | { use: 'textIns' | 'textDel'; path: number[]; leaf: TextLeaf }
  | { use: 'split' | 'join'; path: number[]; paragraph: Paragraph }
  | { use: 'turnIns' | 'turnDel' | 'speaker'; path: number[]; turn: Turn }
  | { use: 'photoIns' | 'photoDel'; path: number[]; photo: Photo }
  | { use: 'photoText'; path: number[]; photo: Photo; field: PhotoTextField };

export type UsageKind = Usage['use'];

function paragraphUsages(p: Paragraph, path: number[], visit: (id: string, u: Usage) => void): void {
  p.children.forEach((leaf, i) => {
    if (leaf.ins !== undefined) visit(leaf.ins, { use: 'textIns', path: [...path, i], leaf });
    if (leaf.del !== undefined) visit(leaf.del, { use: 'textDel', path: [...path, i], leaf });
  });
  for (const c of p.breakAfter?.changes ?? []) visit(c.id, { use: c.op, path, paragraph: p });
}

function photoUsages(photo: Photo, path: number[], visit: (id: string, u: Usage) => void): void {
  if (photo.ins !== undefined) visit(photo.ins, { use: 'photoIns', path, photo });
  if (photo.del !== undefined) visit(photo.del, { use: 'photoDel', path, photo });
  for (const c of photo.changes ?? []) visit(c.id, { use: 'photoText', path, photo, field: c.field });
}

/** The usages of the metadata changes (in the order of the tracked fields). */
export function forEachMetaUsage(metaChanges: readonly MetaChange[], visit: (id: string, usage: Usage) => void): void {
  for (const field of TRACKED_META_FIELDS) {
    for (const c of metaChanges) if (c.field === field) visit(c.id, { use: 'meta', field });
  }
}

/** The usages inside the top-level block at index `i` of the body. */
export function forEachBlockUsage(block: Block, i: number, visit: (id: string, usage: Usage) => void): void {
  if (block.type === 'paragraph') paragraphUsages(block, [i], visit);
  else if (block.type === 'photo') photoUsages(block, [i], visit);
  else {
    if (block.ins !== undefined) visit(block.ins, { use: 'turnIns', path: [i], turn: block });
    if (block.del !== undefined) visit(block.del, { use: 'turnDel', path: [i], turn: block });
    for (const c of block.changes ?? []) visit(c.id, { use: 'speaker', path: [i], turn: block });
    block.children.forEach((child, j) => {
      if (child.type === 'paragraph') paragraphUsages(child, [i, j], visit);
      else photoUsages(child, [i, j], visit);
    });
  }
}

export function forEachUsage(doc: Interview, visit: (id: string, usage: Usage) => void): void {
  forEachMetaUsage(doc.review?.metaChanges ?? [], visit);
  doc.body.forEach((block, i) => forEachBlockUsage(block, i, visit));
}

/** Every suggestion id the document uses (records aside). */
export function usedIds(doc: Interview): Set<string> {
  const ids = new Set<string>();
  forEachUsage(doc, (id) => ids.add(id));
  return ids;
}
