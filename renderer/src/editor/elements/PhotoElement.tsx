/**
 * A photo in the interview: the image (from the app's asset URL), its caption, credit and alt
 * text edited in place, and buttons to move or remove it. A void block: Slate does not edit
 * inside it; every change goes through a Slate operation (see photo-commands.ts), so it is
 * autosaved and undoable like typing.
 */
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Path, Transforms } from 'slate';
import { ReactEditor, useSlateSelector, useSlateStatic, type RenderElementProps } from 'slate-react';
import { IMAGE_MIMES } from '../../../../shared/media/image-info';
import { CREDIT_PREFIX, stripCreditPrefix } from '../../../../shared/model/photo-credit';
import type { Photo } from '../../../../shared/model/schema';
import { cleanLine } from '../../../../shared/text/normalize-text';
import { useEditorEnv } from '../editor-context';
import { shapeSelector } from '../shape-selector';
import { addPhotoFiles, attachPhotoFile, focusPhotoControl } from '../photos/add-photo-files';
import { movePhoto, photoMoveTarget, removePhoto, setPhotoFields, type Direction, type PhotoFields } from '../photos/photo-commands';
import { PhotoTextField } from '../photos/PhotoTextField';
import { photoFilesIn } from '../with-photos';

const cleanCredit = (typed: string) => stripCreditPrefix(cleanLine(typed));
const isTextField = (target: EventTarget) => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

export function PhotoElement({ attributes, children, element }: RenderElementProps & { element: Photo }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const { language } = useEditorEnv();
  // The image that failed to load (not in this library, e.g. a document from elsewhere).
  const [failedAssetId, setFailedAssetId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  /** The photo's current path, or null once it has left the document. */
  const pathNow = (): Path | null => {
    try {
      return ReactEditor.findPath(editor, element);
    } catch {
      return null;
    }
  };
  // Moving depends on the blocks around the photo: asked again after a change of the tree's shape,
  // not after each keystroke elsewhere (shape-selector.ts).
  const movableSelector = useMemo(
    () =>
      shapeSelector((e: Editor) => {
        try {
          const path = ReactEditor.findPath(e, element);
          return `${photoMoveTarget(e, path, 'up') ? 'up' : ''} ${photoMoveTarget(e, path, 'down') ? 'down' : ''}`;
        } catch {
          return '';
        }
      }),
    [element],
  );
  const movable = useSlateSelector(movableSelector);

  const edit = (fields: PhotoFields, merge: boolean) => {
    const path = pathNow();
    if (path) setPhotoFields(editor, path, fields, { merge });
  };

  const act = (action: (path: Path) => void) => () => {
    const path = pathNow();
    if (path) action(path);
  };
  const move = (direction: Direction) =>
    act((path) => {
      const to = movePhoto(editor, path, direction);
      // Keep the keyboard on the button, so pressing it again moves further.
      if (to) focusPhotoControl(editor, to, direction, direction === 'up' ? 'down' : 'up');
    });
  const remove = act((path) => {
    const near = removePhoto(editor, path);
    Transforms.select(editor, Editor.start(editor, near));
    ReactEditor.focus(editor);
  });

  // Image files dropped on a photo go in after it; anything else dropped outside its fields is
  // refused (the browser would otherwise open a dropped file or link in place of the app).
  const dropOnPhoto = (event: DragEvent) => {
    const files = photoFilesIn(event.dataTransfer);
    if (files.length === 0 && isTextField(event.target)) return;
    event.preventDefault();
    const path = pathNow();
    if (files.length > 0 && path) void addPhotoFiles(editor, files, Path.next(path));
  };

  const showImage = element.assetId !== null && element.assetId !== failedAssetId;

  return (
    <figure {...attributes} className={`photo${element.ins !== undefined ? ' block-ins' : element.del !== undefined ? ' block-del' : ''}`} aria-label={t('photo.figure')}>
      <div
        className="photo-body"
        contentEditable={false}
        // Slate's marker for a nested editor: Slate then leaves this subtree alone (clicks, DOM
        // selection, drops). Without it, clicking a field selects the photo in Slate, and Slate's
        // selection sync moves the focus back into the story while the user types.
        data-slate-editor
        onDragOver={(e) => {
          // Files may be dropped anywhere on the photo; text only into its fields.
          if (e.dataTransfer.types.includes('Files') || !isTextField(e.target)) e.preventDefault();
        }}
        onDrop={dropOnPhoto}
      >
        {showImage ? (
          // Without alt text the caption is the best description there is; without either, the
          // image is still announced (an empty alt would hide it from screen readers).
          <img
            className="photo-image"
            src={`asset/${element.assetId}`}
            alt={element.alt || element.caption || t('photo.undescribed')}
            draggable={false}
            onError={() => setFailedAssetId(element.assetId)}
          />
        ) : (
          <div className="photo-placeholder">
            <span>{element.assetId === null ? t('photo.noImage') : t('photo.missingImage')}</span>
            <button
              type="button"
              data-photo-control="attach"
              onClick={() => fileInput.current?.click()}
            >
              {t('photo.attach')}
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              accept={IMAGE_MIMES.join(',')}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                const path = pathNow();
                if (file && path) void attachPhotoFile(editor, file, path);
              }}
            />
          </div>
        )}
        <div className="photo-fields">
          <PhotoTextField
            control="caption"
            label={t('photo.caption')}
            placeholder={t('photo.captionPlaceholder')}
            multiline
            value={element.caption}
            clean={cleanLine}
            onEdit={(caption, merge) => edit({ caption }, merge)}
          />
          <PhotoTextField
            control="credit"
            label={t('photo.credit')}
            placeholder={t('photo.creditPlaceholder')}
            prefix={CREDIT_PREFIX[language]}
            value={element.credit}
            clean={cleanCredit}
            onEdit={(credit, merge) => edit({ credit }, merge)}
          />
          <PhotoTextField
            control="alt"
            label={t('photo.alt')}
            placeholder={t('photo.altPlaceholder')}
            multiline
            value={element.alt}
            clean={cleanLine}
            onEdit={(alt, merge) => edit({ alt }, merge)}
          />
        </div>
        <div className="photo-actions">
          <button type="button" data-photo-control="up" aria-label={t('photo.moveUp')} title={t('photo.moveUp')} disabled={!movable.includes('up')} onClick={move('up')}>
            ↑
          </button>
          <button type="button" data-photo-control="down" aria-label={t('photo.moveDown')} title={t('photo.moveDown')} disabled={!movable.includes('down')} onClick={move('down')}>
            ↓
          </button>
          <button type="button" data-photo-control="remove" onClick={remove}>
            {t('photo.remove')}
          </button>
        </div>
      </div>
      {children}
    </figure>
  );
}
