/**
 * Metadata edits in Suggesting mode: an edit of a tracked field (headline, sapo,
 * byline, …; TRACKED_META_FIELDS) is recorded by the algebra as a change with the old value, in
 * `review.metaChanges`. Typing letter by letter amends the author's own pending change of that
 * field, so a field visit is one suggestion. Workflow fields (status, language) stay plain edits.
 */
import { emptyParagraph } from '../../../shared/model/factory';
import type { Interview, Meta, TrackedMetaField } from '../../../shared/model/schema';
import { suggest, TRACKED_META_FIELDS, type Author, type Edit } from '../../../shared/review';
import { randomId } from './review-records';

const tracked = (field: keyof Meta): field is TrackedMetaField => (TRACKED_META_FIELDS as readonly string[]).includes(field);

/** The document with `field` set to `value` as a suggestion by `author`, or undefined for an untracked field. */
export function suggestMeta(doc: Interview, field: keyof Meta, value: Meta[keyof Meta], author: Author): Interview | undefined {
  if (!tracked(field)) return undefined;
  // Only the metadata and its changes matter here: the body is left out, so a keystroke in the
  // headline does not copy a 2,000-paragraph interview. The caller keeps its own body.
  const metaOnly: Interview = { ...doc, body: [emptyParagraph()] };
  return suggest(metaOnly, [{ type: 'setMeta', field, value } as Edit], author, () => new Date().toISOString(), randomId);
}
