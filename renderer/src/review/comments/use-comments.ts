/**
 * Comments of the open document: starting a thread on the selected text,
 * replying, resolving, reopening, deleting. Each is one step of the document's undo history
 * (document-history.ts): a new thread and its anchor marks are undone together, so undo never
 * leaves a thread without its text or marks without a thread.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Editor, type BaseRange, type RangeRef } from 'slate';
import type { Comment, CommentThread } from '../../../../shared/model/schema';
import { editComment, newThread, removeThread, reopenThread, reply, resolveThread } from '../../../../shared/review/comments';
import type { DocState, DocumentHistory } from '../../document/document-history';
import { whenNamed } from '../../profile/ask-name';
import { pointedRange } from '../pointed-range';
import { revealPath } from '../reveal';
import { currentProfile } from '../../profile/profile-store';
import { anchorThread, canAnchor, quoteOf, threadRange, unanchorThread } from './anchor-ops';

/** A stand-in only: commenting asks for a name first (ask-name.ts), as suggesting does (use-review.ts). */
const NO_PROFILE = { id: 'local', name: '?' };

function author() {
  const p = currentProfile();
  return p ? { id: p.id, name: p.name } : NO_PROFILE;
}

function newComment(text: string): Comment {
  const a = author();
  return { id: crypto.randomUUID(), authorId: a.id, authorName: a.name, createdAt: new Date().toISOString(), text: text.normalize('NFC').trim() };
}

export interface CommentDraft {
  quote: string;
}

export function useComments({ editor, history, state, threads }: { editor: Editor; history: DocumentHistory; state: () => DocState; threads: CommentThread[] }) {
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [active, setActive] = useState<string | null>(null);
  // The commented range follows edits made while the comment is being written.
  const draftRange = useRef<RangeRef | null>(null);

  const dropDraft = useCallback(() => {
    draftRange.current?.unref();
    draftRange.current = null;
    setDraft(null);
  }, []);

  /** Begin a comment on the selected text; false when nothing commentable is selected. */
  const start = useCallback((): boolean => {
    // What is selected as the user sees it: a shortcut right after a mouse selection must not miss it.
    const sel = pointedRange(editor);
    if (!canAnchor(editor, sel)) return false;
    draftRange.current?.unref();
    draftRange.current = Editor.rangeRef(editor, sel as BaseRange, { affinity: 'inward' });
    setDraft({ quote: quoteOf(editor, sel as BaseRange) });
    return true;
  }, [editor]);

  const change = useCallback(
    (next: (threads: CommentThread[]) => CommentThread[], editorChange?: () => void) => {
      const before = state();
      history.record(before, { ...before, comments: next(before.comments) }, editorChange ? { editorChange } : {});
    },
    [history, state],
  );

  const post = useCallback(
    (text: string) => {
      const range = draftRange.current?.current;
      if (!range || !draft || text.trim() === '') return;
      const id = crypto.randomUUID();
      // The quote is read again: the text may have changed while the comment was written.
      const quote = canAnchor(editor, range) ? quoteOf(editor, range) : draft.quote;
      change((all) => [...all, newThread(id, quote, newComment(text))], () => anchorThread(editor, range, id));
      dropDraft();
      setActive(id);
    },
    [change, draft, dropDraft, editor],
  );

  // A reply or a resolution carries a name: without a profile, the user is asked for one first.
  const answer = useCallback((id: string, text: string) => {
    if (text.trim() !== '') whenNamed(() => change((all) => reply(all, id, newComment(text))));
  }, [change]);

  const resolve = useCallback((id: string) => {
    whenNamed(() => {
      const a = author();
      change((all) => resolveThread(all, id, { authorId: a.id, authorName: a.name }, new Date().toISOString()));
    });
  }, [change]);

  const reopen = useCallback((id: string) => change((all) => reopenThread(all, id)), [change]);

  /** Whether the profile wrote this comment (only its author may change its text). */
  const isMine = useCallback((comment: Comment) => comment.authorId === author().id, []);

  const edit = useCallback(
    (id: string, comment: Comment, text: string) => {
      const next = text.normalize('NFC').trim();
      if (next === '' || next === comment.text || !isMine(comment)) return;
      change((all) => editComment(all, id, comment.id, next, new Date().toISOString()));
    },
    [change, isMine],
  );

  const remove = useCallback(
    (id: string) => {
      change((all) => removeThread(all, id), () => unanchorThread(editor, id));
      setActive((a) => (a === id ? null : a));
    },
    [change, editor],
  );

  /** Select the thread's text and bring it into view. */
  const show = useCallback(
    (id: string) => {
      setActive(id);
      const range = threadRange(editor, id);
      if (!range) return;
      editor.select(range);
      revealPath(editor, range.anchor.path);
    },
    [editor],
  );

  /** Threads whose anchors are highlighted in the text: the unresolved ones. */
  const openIds = useMemo(() => new Set(threads.filter((t) => !t.resolved).map((t) => t.id)), [threads]);

  return { threads, openIds, draft, active, setActive, start, cancel: dropDraft, post, answer, edit, isMine, resolve, reopen, remove, show };
}

export type CommentsState = ReturnType<typeof useComments>;
