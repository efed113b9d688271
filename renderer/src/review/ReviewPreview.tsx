/**
 * The Final and Original views: the document as if every suggestion were accepted, or rejected,
 * rendered read-only from the pure algebra (shared/review), metadata included: the Original view
 * shows the headline and details as they were before any suggestion, so the editable fields (which
 * carry the suggested values) are hidden while it is shown. The editor stays mounted underneath,
 * hidden, so going back to Markup keeps the caret and the undo history.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, Interview, Meta, Paragraph, Photo } from '../../../shared/model/schema';
import { acceptedView, originalView } from '../../../shared/review';
import type { DocSignal } from './use-review';

const paragraphText = (p: Paragraph) => p.children.map((l) => l.text).join('');

function PhotoView({ photo }: { photo: Photo }) {
  return (
    <figure className="preview-photo">
      <figcaption>
        {photo.caption} {photo.credit && <span className="muted">({photo.credit})</span>}
      </figcaption>
    </figure>
  );
}

function BlockView({ block, label }: { block: Block; label: (id: string) => string }) {
  if (block.type === 'paragraph') return <p>{paragraphText(block)}</p>;
  if (block.type === 'photo') return <PhotoView photo={block} />;
  return (
    <div className="preview-turn">
      {block.children.map((child, i) =>
        child.type === 'paragraph' ? (
          <p key={i}>
            {i === 0 && <strong className="preview-speaker">{label(block.speakerId)}: </strong>}
            {paragraphText(child)}
          </p>
        ) : (
          <PhotoView key={i} photo={child} />
        ),
      )}
    </div>
  );
}

/** The story details besides the headline, as this view has them (read only, empty ones left out). */
const DETAILS = ['subheadline', 'sapo', 'byline', 'location', 'section', 'source', 'slug', 'keywords', 'editorialNote'] as const satisfies readonly (keyof Meta)[];

function MetaView({ meta }: { meta: Meta }) {
  const { t } = useTranslation();
  const shown = DETAILS.map((field) => [field, Array.isArray(meta[field]) ? (meta[field] as string[]).join(', ') : String(meta[field])] as const).filter(([, v]) => v.trim() !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="preview-meta">
      {shown.map(([field, value]) => (
        <div key={field}>
          <dt>{t(`meta.${field}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReviewPreview({ view, doc, signal }: { view: 'final' | 'original'; doc: () => Interview; signal: DocSignal }) {
  const { t } = useTranslation();
  const version = useSyncExternalStore(signal.subscribe, signal.get);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  const shown = useMemo(() => (view === 'final' ? acceptedView : originalView)(doc()), [view, doc, version]);
  const labels = new Map(shown.participants.map((p) => [p.id, p.label]));
  return (
    <section className="review-preview" role="document" aria-label={t(`review.views.${view}`)} aria-readonly>
      <p className="muted">{t(`review.previewHint.${view}`)}</p>
      {shown.meta.headline && <h2 className="preview-headline">{shown.meta.headline}</h2>}
      <MetaView meta={shown.meta} />
      {shown.body.map((block, i) => (
        <BlockView key={i} block={block} label={(id) => labels.get(id) ?? id} />
      ))}
    </section>
  );
}
