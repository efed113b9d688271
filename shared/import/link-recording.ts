/**
 * "A recording picked at import is linked": the transcript's times are times in that recording.
 *
 * A machine transcript comes in with times that name no recording (schema.ts: such a time points
 * into the interview's first recording, or into one not attached yet). When the reporter picks the
 * recording in the import preview, every imported time names it by its hash, and the recording
 * joins the interview's list. Naming it explicitly, rather than relying on "the first", keeps the
 * link when another recording is attached before it or the list is reordered.
 *
 * Only the `recording` of a time changes: the text, the paragraphs and the times' starts and ends
 * are the import's as they were.
 */
import { LIMITS, type Block, type Paragraph, type Recording } from '../model/schema';

export interface LinkableContent {
  body: readonly Block[];
  recordings?: readonly Recording[];
}

export type Linked = { ok: true; body: Block[]; recordings: Recording[] } | { ok: false; reason: 'full' };

function linkParagraph(p: Paragraph, id: string): Paragraph {
  return p.time ? { ...p, time: { ...p.time, recording: id } } : p;
}

/** The content with every timed paragraph in `recording`, and `recording` listed once. */
export function linkRecording(content: LinkableContent, recording: Recording): Linked {
  const list = content.recordings ?? [];
  const listed = list.some((r) => r.id === recording.id);
  // The list has a cap (LIMITS.recordings): a full list refuses rather than dropping a recording.
  if (!listed && list.length >= LIMITS.recordings) return { ok: false, reason: 'full' };
  const body = content.body.map((block): Block => {
    if (block.type === 'paragraph') return linkParagraph(block, recording.id);
    if (block.type === 'turn') return { ...block, children: block.children.map((c) => (c.type === 'paragraph' ? linkParagraph(c, recording.id) : c)) };
    return block;
  });
  return { ok: true, body, recordings: listed ? [...list] : [...list, recording] };
}
