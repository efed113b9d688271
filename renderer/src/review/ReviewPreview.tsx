/**
 * The Final and Original views: the document as if every suggestion were accepted, or rejected,
 * rendered read-only from the pure algebra (shared/review). The editor stays mounted underneath,
 * hidden, so going back to Markup keeps the caret and the undo history.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, Interview, Paragraph, Photo } from '../../../shared/model/schema';
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
      {shown.body.map((block, i) => (
        <BlockView key={i} block={block} label={(id) => labels.get(id) ?? id} />
      ))}
    </section>
  );
}
