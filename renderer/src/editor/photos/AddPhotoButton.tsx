import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Path } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { IMAGE_MIMES } from '../../../../shared/media/image-info';
import { MAX_IMAGE_BYTES, megabytes } from '../../../../shared/media/image-limits';
import { matchesShortcut } from '../../../../shared/shortcuts';
import { keyPlatform } from '../../shortcuts/platform';
import { addPhotoFiles } from './add-photo-files';
import { photoInsertionPath } from './photo-commands';

/** Toolbar button and Ctrl+Alt+P in the text: pick image files and insert them after the block at the caret. */
export function AddPhotoButton() {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const input = useRef<HTMLInputElement>(null);
  // Where the caret was when the button was pressed: the file dialog takes the focus away.
  const target = useRef<Path | null>(null);
  const pick = () => {
    target.current = photoInsertionPath(editor);
    input.current?.click();
  };
  const latestPick = useRef(pick);
  useEffect(() => {
    latestPick.current = pick;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || !matchesShortcut(event, 'addPhoto', keyPlatform) || !ReactEditor.isFocused(editor)) return;
      event.preventDefault();
      latestPick.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor]);

  return (
    <>
      <button
        type="button"
        title={t('photo.addHint', { max: megabytes(MAX_IMAGE_BYTES) })}
        onMouseDown={(e) => e.preventDefault() /* keep the caret where it is */}
        onClick={pick}
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
