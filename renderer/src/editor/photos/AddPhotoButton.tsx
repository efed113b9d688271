import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Path } from 'slate';
import { useSlateStatic } from 'slate-react';
import { IMAGE_MIMES } from '../../../../shared/media/image-info';
import { MAX_IMAGE_BYTES, megabytes } from '../../../../shared/media/image-limits';
import { addPhotoFiles } from './add-photo-files';
import { photoInsertionPath } from './photo-commands';

/** Toolbar button: pick image files and insert them after the block at the caret. */
export function AddPhotoButton() {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const input = useRef<HTMLInputElement>(null);
  // Where the caret was when the button was pressed: the file dialog takes the focus away.
  const target = useRef<Path | null>(null);

  return (
    <>
      <button
        type="button"
        title={t('photo.addHint', { max: megabytes(MAX_IMAGE_BYTES) })}
        onMouseDown={(e) => e.preventDefault() /* keep the caret where it is */}
        onClick={() => {
          target.current = photoInsertionPath(editor);
          input.current?.click();
        }}
      >
        {t('photo.add')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={IMAGE_MIMES.join(',')}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = ''; // picking the same file again is a new choice
          if (files.length > 0) void addPhotoFiles(editor, files, target.current ?? photoInsertionPath(editor));
        }}
      />
    </>
  );
}
