/**
 * Normalisation rules for a stored document. They run on every save and load, after the
 * schema check, and are idempotent: normalize(normalize(d)) equals normalize(d).
 *
 * The editor enforces the same structural rules live (renderer/src/editor/with-interview.ts);
 * this is the authority the backend applies to whatever reaches it.
 */
import { cleanLine, cleanMultiline } from '../text/normalize-text';
import type { Block, CommentThread, Interview, Paragraph, Participant, Photo, TextLeaf, Turn } from './schema';
import { emptyParagraph } from './factory';
import { sameLeafProps } from './leaf-props';

/** Comment anchors of a leaf: sorted, no repeats, only threads the document has (else none). */
function normalizeAnchors(leaf: TextLeaf, threads: ReadonlySet<string>): TextLeaf {
  if (leaf.comments === undefined) return leaf;
  const ids = [...new Set(leaf.comments.filter((id) => threads.has(id)))].sort();
  const { comments: _comments, ...rest } = leaf;
  return ids.length > 0 ? { ...rest, comments: ids } : rest;
}

/** Label of a placeholder speaker created for a turn whose speaker is unknown. */
export const UNKNOWN_SPEAKER_LABEL = { vi: 'Người nói', en: 'Speaker' } as const;

function normalizeLeaves(leaves: readonly TextLeaf[], threads: ReadonlySet<string>): TextLeaf[] {
  const out: TextLeaf[] = [];
  for (const leaf of leaves) {
    const next: TextLeaf = { ...normalizeAnchors(leaf, threads), text: cleanLine(leaf.text) };
    const prev = out[out.length - 1];
    // Slate merges adjacent texts with equal marks; doing the same here keeps stored JSON canonical.
    // Suggestion ids and comment anchors count as marks: they keep their leaves apart.
    if (prev && sameLeafProps(prev, next)) {
      out[out.length - 1] = { ...prev, text: prev.text + next.text };
    } else if (prev && prev.text === '' && out.length === 1) {
      // A leading empty leaf only held the place; Slate drops it beside real text too.
      out[0] = next;
    } else if (next.text !== '' || out.length === 0) {
      out.push(next);
    }
  }
  // A paragraph whose only leaves were empty keeps one empty leaf.
  return out.length > 0 ? out : [{ text: '' }];
}

function normalizeParagraph(p: Paragraph, threads: ReadonlySet<string>): Paragraph {
  // Spread first: a paragraph under review keeps its pending break (`breakAfter`).
  return { ...p, type: 'paragraph', children: normalizeLeaves(p.children, threads) };
}

function normalizePhoto(photo: Photo): Photo {
  return {
    ...photo,
    caption: cleanLine(photo.caption),
    credit: cleanLine(photo.credit),
    alt: cleanLine(photo.alt),
    children: [{ text: '' }],
  };
}

function normalizeTurn(turn: Turn, threads: ReadonlySet<string>): Turn {
  const children = turn.children.map((c) => (c.type === 'paragraph' ? normalizeParagraph(c, threads) : normalizePhoto(c)));
  // A turn always has somewhere to type: one that holds only photos gets a paragraph after them.
  if (!children.some((c) => c.type === 'paragraph')) children.push(emptyParagraph());
  return { ...turn, children };
}

function normalizeParticipant(p: Participant): Participant {
  return { ...p, label: cleanLine(p.label).trim() || p.id, fullName: cleanLine(p.fullName), title: cleanLine(p.title) };
}

/** Threads with their text cleaned; a repeated thread id keeps its first thread. */
function normalizeThreads(threads: readonly CommentThread[]): CommentThread[] {
  const seen = new Set<string>();
  const out: CommentThread[] = [];
  for (const t of threads) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    const comments = t.comments.map((c) => ({ ...c, authorName: cleanLine(c.authorName), text: cleanMultiline(c.text) }));
    out.push({ ...t, quote: cleanLine(t.quote), comments });
  }
  return out;
}

export function normalizeInterview(doc: Interview): Interview {
  const participants = doc.participants.map(normalizeParticipant);
  const known = new Set(participants.map((p) => p.id));
  const comments = normalizeThreads(doc.comments ?? []);
  const threads = new Set(comments.map((t) => t.id));

  const body: Block[] = doc.body.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return normalizeParagraph(block, threads);
      case 'photo':
        return normalizePhoto(block);
      case 'turn':
        return normalizeTurn(block, threads);
    }
  });

  // A turn whose speaker is unknown keeps its text and gets a visible placeholder speaker,
  // so nothing is silently re-attributed to someone else.
  for (const block of body) {
    if (block.type === 'turn' && !known.has(block.speakerId)) {
      known.add(block.speakerId);
      participants.push({
        id: block.speakerId,
        label: `${UNKNOWN_SPEAKER_LABEL[doc.meta.language]} ${known.size}`,
        fullName: '',
        title: '',
        role: 'interviewee',
      });
    }
  }

  // The document always has a place to type after its last block.
  if (body.length === 0 || body[body.length - 1]!.type === 'photo') body.push(emptyParagraph());

  const m = doc.meta;
  const out: Interview = {
    ...doc,
    participants,
    body,
    meta: {
      ...m,
      section: cleanLine(m.section),
      headline: cleanLine(m.headline),
      subheadline: cleanLine(m.subheadline),
      location: cleanLine(m.location),
      sapo: cleanLine(m.sapo),
      byline: cleanLine(m.byline),
      source: cleanLine(m.source),
      slug: cleanLine(m.slug),
      editorialNote: cleanMultiline(m.editorialNote),
      keywords: m.keywords.map((k) => cleanLine(k).trim()).filter((k) => k !== ''),
    },
  };
  // A document without comments is exactly a plain one.
  if (comments.length > 0) out.comments = comments;
  else delete out.comments;
  return out;
}
