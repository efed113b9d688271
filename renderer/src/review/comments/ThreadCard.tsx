/**
 * A comment thread as the review margin shows it: the words it is on (a click shows them in the
 * text), a short conversation with Reply, Resolve or Reopen, and Delete; and the box a comment is
 * written in. An orphaned thread (its text was deleted) keeps the words it was on.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/schema';
import type { ThreadView } from '../../../../shared/review/comments';
import type { CommentsState } from './use-comments';

const QUOTE_MAX = 120;
export const excerpt = (s: string) => (s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX - 1)}…` : s);

interface ComposerProps {
  label: string;
  submit: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  autoFocus?: boolean;
  /** The text to start from (editing a comment). */
  initial?: string;
}

export function Composer({ label, submit, onSubmit, onCancel, autoFocus, initial = '' }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const send = () => {
    if (text.trim() === '') return;
    onSubmit(text);
    setText('');
  };
  return (
    <div className="comment-composer">
      <textarea
        aria-label={label}
        placeholder={label}
        value={text}
        maxLength={LIMITS.longField}
        rows={3}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl+Enter sends, Escape gives up (the keys of chat and of Docs' comment box).
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="comment-actions">
        <button type="button" disabled={text.trim() === ''} onClick={send}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t('comments.cancel')}
        </button>
      </div>
    </div>
  );
}

/** `current`: the caret or the selection is in its words (review/use-at-caret.ts). */
export function ThreadCard({ view, comments, current = false }: { view: ThreadView; comments: CommentsState; current?: boolean }) {
  const { t, i18n } = useTranslation();
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const ref = useRef<HTMLLIElement>(null);
  const { thread, state } = view;
  const isActive = comments.active === thread.id;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  useEffect(() => {
    if (isActive) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [isActive]);
  const first = thread.comments[0]!;
  return (
    <li
      ref={ref}
      className={`comment-thread margin-card ${state}${isActive ? ' active' : ''}${current ? ' current' : ''}`}
      aria-current={current ? 'true' : undefined}
      data-card={thread.id}
      aria-label={`${first.authorName}: ${excerpt(first.text)}`}
    >
      {state === 'orphaned' ? (
        <p className="comment-quote orphaned">
          <span className="muted">{t('comments.orphaned')}</span> {t('comments.wasOn', { quote: excerpt(thread.quote) })}
        </p>
      ) : (
        <button type="button" className="comment-quote" onClick={() => comments.show(thread.id)} title={t('comments.showInText')}>
          {t('comments.on', { quote: excerpt(view.anchorText) })}
        </button>
      )}
      <ol className="comment-entries">
        {thread.comments.map((c) => (
          <li key={c.id}>
            <span className="comment-meta">
              <strong>{c.authorName}</strong> · {when(c.createdAt)}
              {c.editedAt && ` · ${t('comments.edited')}`}
            </span>
            {editing === c.id ? (
              <Composer
                label={t('comments.editLabel')}
                submit={t('comments.save')}
                initial={c.text}
                autoFocus
                onSubmit={(text) => {
                  comments.edit(thread.id, c, text);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <p className="comment-text">{c.text}</p>
            )}
            {comments.isMine(c) && editing !== c.id && (
              <button type="button" className="comment-edit quiet" onClick={() => setEditing(c.id)} aria-label={t('comments.editOwn', { text: excerpt(c.text) })}>
                {t('comments.edit')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {thread.resolved && <p className="comment-meta">{t('comments.resolvedBy', { name: thread.resolved.authorName, time: when(thread.resolved.at) })}</p>}
      {replying ? (
        <Composer
          label={t('comments.replyLabel')}
          submit={t('comments.postReply')}
          autoFocus
          onSubmit={(text) => {
            comments.answer(thread.id, text);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="comment-actions">
          <button type="button" onClick={() => setReplying(true)}>
            {t('comments.replyLabel')}
          </button>
          {thread.resolved ? (
            <button type="button" onClick={() => comments.reopen(thread.id)}>
              {t('comments.reopen')}
            </button>
          ) : (
            <button type="button" onClick={() => comments.resolve(thread.id)}>
              {t('comments.resolve')}
            </button>
          )}
          <button
            type="button"
            className="quiet"
            onClick={() => {
              if (window.confirm(t('comments.deleteConfirm'))) comments.remove(thread.id);
            }}
          >
            {t('comments.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
