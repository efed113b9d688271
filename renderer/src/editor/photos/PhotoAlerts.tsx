import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateStatic } from 'slate-react';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, megabytes, megapixels } from '../../../../shared/media/image-limits';
import { photoNotices } from './photo-notices';
import type { PhotoProblem } from './store-photo-file';

/**
 * Why files were not added as photos, announced as an alert (a photo action can start far from
 * where its outcome shows: a drop at the end of a long interview, a paste). Stays until dismissed
 * or until the next photo action.
 */
export function PhotoAlerts() {
  const { t } = useTranslation();
  const notices = photoNotices(useSlateStatic());
  const problems = useSyncExternalStore(notices.subscribe, notices.get);
  if (problems === null) return null;

  const describe = (p: PhotoProblem): string => {
    switch (p.kind) {
      case 'too_large':
        return t('photo.errors.tooLarge', { file: p.file, size: megabytes(p.bytes), max: megabytes(MAX_IMAGE_BYTES) });
      case 'svg':
        return t('photo.errors.svg', { file: p.file });
      case 'not_image':
        return t('photo.errors.notImage', { file: p.file });
      case 'damaged':
        return t('photo.errors.damaged', { file: p.file, format: p.format });
      case 'too_many_pixels':
        return t('photo.errors.tooManyPixels', { file: p.file, width: p.width, height: p.height, megapixels: megapixels(p.width * p.height), max: megapixels(MAX_IMAGE_PIXELS) });
      case 'failed':
        return t('photo.errors.failed', { file: p.file, message: p.message });
    }
  };

  return (
    <div className="photo-alert" role="alert">
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{describe(p)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => notices.clear()}>
        {t('photo.dismiss')}
      </button>
    </div>
  );
}
