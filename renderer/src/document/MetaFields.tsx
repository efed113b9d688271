import { memo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meta, MetaChange, Suggestion, TrackedMetaField } from '../../../shared/model/schema';
import { isoToLocalInput, localInputToIso } from './local-datetime';
import { LENGTH_HINTS, SLUG_PATTERN, splitKeywords } from './meta-rules';
import { storyDetailsKey, useStoryDetailsToggle } from './story-details-toggle';

interface Props {
  meta: Meta;
  /** Pending suggested changes of tracked fields (review.metaChanges), each with the value it replaced. */
  pending?: readonly MetaChange[];
  record?: (id: string) => Suggestion | undefined;
  onDecide?: (decision: 'accept' | 'reject', id: string) => void;
  onChange: <K extends keyof Meta>(field: K, value: Meta[K]) => void;
  /** Entering and leaving a field: one visit is one undo step. */
  onFocus: () => void;
  onBlur: () => void;
}

/**
 * The story's metadata, laid out as the agency prints it (section, headline, location, sapo,
 * byline), then the wire fields (source, slug, urgency, embargo, keywords, note…). Folded to one
 * line (story-details-toggle.ts) until asked for, so the screen shows the interview.
 */
export const MetaFields = memo(function MetaFields({ meta, onChange, onFocus, onBlur, pending = [], record = () => undefined, onDecide = () => undefined }: Props) {
  const { t } = useTranslation();
  const review = (field: TrackedMetaField) => {
    const changes = pending.filter((c) => c.field === field);
    return changes.length > 0 ? <MetaPending changes={changes} record={record} onDecide={onDecide} /> : undefined;
  };
  const [keywordsText, setKeywordsText] = useState(meta.keywords.join(', '));
  // The box keeps what is typed (spaces, a trailing comma); when the keywords change from outside
  // (undo, a rejected suggestion, a paste), it shows the new list instead.
  const [shownKeywords, setShownKeywords] = useState(meta.keywords);
  if (meta.keywords !== shownKeywords) {
    setShownKeywords(meta.keywords);
    if (splitKeywords(keywordsText).join('\n') !== meta.keywords.join('\n')) setKeywordsText(meta.keywords.join(', '));
  }
  const focus = { onFocus, onBlur };
  const line = (value: string) => value.replace(/[\r\n]+/g, ' ');

  const text = (name: 'section' | 'location' | 'byline' | 'subheadline' | 'source', className = '') => (
    <Field label={t(`meta.${name}`)} className={className} review={review(name)}>
      <input type="text" value={meta[name]} onChange={(e) => onChange(name, e.target.value)} spellCheck={false} data-meta-field={name} lang={meta.language} {...focus} />
    </Field>
  );

  const slugInvalid = meta.slug !== '' && !SLUG_PATTERN.test(meta.slug);

  const form = useRef<HTMLDetailsElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const details = useStoryDetailsToggle(form, toggle);
  const key = storyDetailsKey();
  const facts = [meta.section, meta.location].filter((v) => v.trim() !== '').join(' · ');
  const pendingElsewhere = pending.filter((c) => c.field !== 'headline').length;
  const languageSelect = (
    <select value={meta.language} onChange={(e) => onChange('language', e.target.value as Meta['language'])} {...focus}>
      {(['vi', 'en'] as const).map((language) => (
        <option key={language} value={language} lang={language}>
          {t(`languages.own.${language}`)}
        </option>
      ))}
    </select>
  );

  return (
    // The labels are the app's words, in the page's language; what is typed is the story's (lang on each field).
    <section className={details.open ? 'meta open' : 'meta folded'} aria-label={t('meta.panel')}>
      {/* Folded: one line over the text. The headline stays editable here (a new interview starts
          by typing it), the story's language stays beside it, section and location are read out. */}
      <div className="meta-summary">
        {!details.open && (
          <div className="meta-summary-headline">
            <input
              type="text"
              className="meta-summary-input"
              aria-label={t('meta.headline')}
              value={meta.headline}
              placeholder={t('meta.headlinePlaceholder')}
              onChange={(e) => onChange('headline', line(e.target.value))}
              spellCheck={false}
              data-meta-field="headline"
              lang={meta.language}
              {...focus}
            />
            {review('headline')}
          </div>
        )}
        {!details.open && (
          // A click on the line unfolds it too; the keyboard has the toggle button for that.
          <span className={facts ? 'meta-summary-facts' : 'meta-summary-facts empty'} onClick={() => details.set(true)}>
            {facts || t('meta.summaryEmpty')}
          </span>
        )}
        {!details.open && pendingElsewhere > 0 && (
          <button type="button" className="link meta-summary-pending" onClick={() => details.set(true)}>
            {t('meta.pendingInDetails', { count: pendingElsewhere })}
          </button>
        )}
        {!details.open && (
          <label className="meta-summary-language">
            <span className="visually-hidden">{t('meta.language')}</span>
            {languageSelect}
          </label>
        )}
        <button ref={toggle} type="button" className="meta-toggle" aria-expanded={details.open} aria-controls="story-details" title={`${t('meta.panel')} (${key})`} onClick={() => details.set(!details.open)}>
          {t('meta.panel')}
        </button>
      </div>
      {/* A native <details>: find opens it when a match lies in one of its fields (find/field-view.ts). */}
      <details id="story-details" ref={form} className="meta-form" open={details.open} onToggle={(e) => details.set(e.currentTarget.open)}>
        <summary hidden>{t('meta.panel')}</summary>
        <div className="meta-row three">
          {text('section')}
          {text('location')}
          <Field label={t('meta.status')}>
            <select value={meta.status} onChange={(e) => onChange('status', e.target.value as Meta['status'])} {...focus}>
              {(['draft', 'in_review', 'approved', 'sent'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {/* The story's language beside its headline, in view: it decides the speakers' default
            names, the credit prefix and the dictionary, and is not the language of the app. */}
        {details.open && (
          <div className="meta-headline-row">
            <Field label={t('meta.headline')} className="headline" review={review('headline')} hint={<LengthHint length={meta.headline.length} max={LENGTH_HINTS.headline} />}>
              <textarea rows={2} value={meta.headline} placeholder={t('meta.headlinePlaceholder')} onChange={(e) => onChange('headline', line(e.target.value))} spellCheck={false} data-meta-field="headline" lang={meta.language} {...focus} />
            </Field>
            <Field label={t('meta.language')} className="document-language">
              {languageSelect}
            </Field>
          </div>
        )}
        <Field label={t('meta.sapo')} className="sapo" review={review('sapo')} hint={<LengthHint length={meta.sapo.length} max={LENGTH_HINTS.sapo} />}>
          <textarea rows={3} value={meta.sapo} placeholder={t('meta.sapoPlaceholder')} onChange={(e) => onChange('sapo', line(e.target.value))} spellCheck={false} data-meta-field="sapo" lang={meta.language} {...focus} />
        </Field>
        {text('byline', 'byline')}

        <h3 className="meta-wire-heading">{t('meta.wire')}</h3>
        <div className="meta-details-grid">
          {text('subheadline', 'wide')}
          {text('source')}
          <Field label={t('meta.slug')} review={review('slug')} error={slugInvalid ? t('meta.slugInvalid') : undefined}>
            <input type="text" value={meta.slug} onChange={(e) => onChange('slug', e.target.value)} aria-invalid={slugInvalid} spellCheck={false} {...focus} />
          </Field>
          <Field label={t('meta.urgency')} review={review('urgency')} hint={<span className="hint-text">{t('meta.urgencyHint')}</span>}>
            <select value={meta.urgency} onChange={(e) => onChange('urgency', Number(e.target.value))} {...focus}>
              {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('meta.embargo')} review={review('embargo')} hint={<span className="hint-text">{t('meta.embargoHint')}</span>}>
            <input type="datetime-local" value={isoToLocalInput(meta.embargo)} onChange={(e) => onChange('embargo', localInputToIso(e.target.value))} {...focus} />
          </Field>
          <Field label={t('meta.keywords')} className="wide" review={review('keywords')} hint={<span className="hint-text">{t('meta.keywordsHint')}</span>}>
            <input
              type="text"
              lang={meta.language}
              value={keywordsText}
              onChange={(e) => {
                setKeywordsText(e.target.value);
                onChange('keywords', splitKeywords(e.target.value));
              }}
              {...focus}
            />
          </Field>
          <Field label={t('meta.editorialNote')} className="wide" review={review('editorialNote')}>
            <textarea rows={2} value={meta.editorialNote} lang={meta.language} onChange={(e) => onChange('editorialNote', e.target.value)} {...focus} />
          </Field>
        </div>
      </details>
    </section>
  );
});

function Field({ label, className = '', hint, error, review, children }: { label: string; className?: string; hint?: ReactNode; error?: string; review?: ReactNode; children: ReactNode }) {
  // Always the same elements, so a suggestion appearing while one types does not remount the
  // input; the pending suggestion sits outside the label (its buttons are not the field's name).
  return (
    <div className={`field ${className}`}>
      <label className="field">
        <span className="field-label">{label}</span>
        {children}
        {(hint || error) && (
          <span className="field-foot">
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
            {hint}
          </span>
        )}
      </label>
      {review}
    </div>
  );
}

/** "81 / 120", turning to a warning when the recommended length is passed. */
function LengthHint({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  return <span className={length > max ? 'length-hint over' : 'length-hint'}>{t('meta.lengthHint', { length, max })}</span>;
}

/** A value as the panel shows it (keywords as a list, no value as a dash). */
function shown(value: MetaChange['from']): string {
  if (value === null || value === '') return '—';
  return Array.isArray(value) ? value.join(', ') || '—' : String(value);
}

/** A field's pending suggested changes, calmly: who, the value it replaced, Accept / Reject. */
function MetaPending({ changes, record, onDecide }: { changes: readonly MetaChange[]; record: (id: string) => Suggestion | undefined; onDecide: (decision: 'accept' | 'reject', id: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {changes.map((c) => (
        <div key={c.id} className="meta-pending" data-suggestion={c.id} role="group" aria-label={t('review.metaPending', { name: record(c.id)?.authorName ?? t('review.unknownAuthor') })}>
          <span>{t('review.metaSuggestedBy', { name: record(c.id)?.authorName ?? t('review.unknownAuthor') })}</span>
          <span>
            {t('review.metaWas')} <del>{shown(c.from)}</del>
          </span>
          <button type="button" onClick={() => onDecide('accept', c.id)}>
            {t('review.accept')}
          </button>
          <button type="button" onClick={() => onDecide('reject', c.id)}>
            {t('review.reject')}
          </button>
        </div>
      ))}
    </>
  );
}
