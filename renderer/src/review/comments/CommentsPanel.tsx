/**
 * The Comments panel, beside the text: the thread being written, then every
 * thread in the order of its text, then the orphaned ones (their text was deleted; they are kept,
 * with the words they were on). Each thread reads as a short conversation with Reply, Resolve or
 * Reopen, and Delete.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSidePanel } from '../../common/use-side-panel';
import type { Interview } from '../../../../shared/model/schema';
import { LIMITS } from '../../../../shared/model/schema';
import { listThreads, type ThreadView } from '../../../../shared/review/comments';
import type { DocSignal } from '../use-review';
import type { CommentsState } from './use-comments';

type Filter = 'open' | 'resolved' | 'all';

const QUOTE_MAX = 120;
const excerpt = (s: string) => (s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX - 1)}…` : s);

interface ComposerProps {
  label: string;
  submit: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  autoFocus?: boolean;
  /** The text to start from (editing a comment). */
  initial?: string;
}

function Composer({ label, submit, onSubmit, onCancel, autoFocus, initial = '' }: ComposerProps) {
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

function ThreadCard({ view, comments }: { view: ThreadView; comments: CommentsState }) {
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
    <li ref={ref} className={`comment-thread ${state}${isActive ? ' active' : ''}`} aria-label={`${first.authorName}: ${excerpt(first.text)}`}>
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

interface Props {
  comments: CommentsState;
  doc: () => Interview;
  signal: DocSignal;
  /** "Add comment" was asked for with no text selected: say what to do. */
  hint: boolean;
  onClose: () => void;
}

export function CommentsPanel({ comments, doc, signal, hint, onClose }: Props) {
  const { t } = useTranslation();
  const version = useSyncExternalStore(signal.subscribe, signal.get);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  const views = useMemo(() => listThreads(doc()), [doc, version, comments.threads]);
  const [filter, setFilter] = useState<Filter>('open');
  const shown = views.filter((v) => filter === 'all' || (filter === 'resolved' ? v.state === 'resolved' : v.state !== 'resolved'));
  const anchored = shown.filter((v) => v.state !== 'orphaned');
  const orphaned = shown.filter((v) => v.state === 'orphaned');

  // Keyboard: focus in on opening, Escape closes, focus back on closing (common/use-side-panel.ts).
  const panelRef = useRef<HTMLElement>(null);
  useSidePanel(panelRef, onClose);

  return (
    <aside ref={panelRef} className="side-panel comments-panel" role="region" aria-label={t('comments.region')}>
      <header className="side-panel-header">
        <h2>{t('comments.region')}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('comments.close')} title={t('comments.close')}>
          ×
        </button>
      </header>
      <div role="radiogroup" aria-label={t('comments.filter')} className="segmented small">
        {(['open', 'resolved', 'all'] as const).map((f) => (
          <label key={f} className={f === filter ? 'segment checked' : 'segment'}>
            <input type="radio" name="comment-filter" value={f} checked={f === filter} onChange={() => setFilter(f)} />
            {t(`comments.filters.${f}`)}
          </label>
        ))}
      </div>
      {hint && <p className="notice">{t('comments.addHint')}</p>}
      {comments.draft && (
        <div className="comment-thread draft">
          <p className="comment-quote">{t('comments.on', { quote: excerpt(comments.draft.quote) })}</p>
          <Composer label={t('comments.newLabel')} submit={t('comments.post')} autoFocus onSubmit={comments.post} onCancel={comments.cancel} />
        </div>
      )}
      {views.length === 0 && !comments.draft && <p className="muted">{t('comments.none')}</p>}
      <ol className="comment-threads">
        {anchored.map((v) => (
          <ThreadCard key={v.thread.id} view={v} comments={comments} />
        ))}
      </ol>
      {orphaned.length > 0 && (
        <>
          <h3 className="comment-section">{t('comments.sections.orphaned')}</h3>
          <ol className="comment-threads">
            {orphaned.map((v) => (
              <ThreadCard key={v.thread.id} view={v} comments={comments} />
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
