/**
 * Turn files the user gave (file picker, drop, paste) into photos in the document: each is
 * checked and stored, the stored ones are inserted together where the user asked, and the
 * refused ones are reported with the reason. A refused file changes nothing in the document.
 */
import { Editor, Node, type Path } from 'slate';
import { ReactEditor } from 'slate-react';
import { api } from '../../api';
import { insertPhotos, newPhoto, setPhotoFields, usableInsertionPath } from './photo-commands';
import { photoNotices } from './photo-notices';
import { storePhotoFile, type PhotoProblem, type PutAsset } from './store-photo-file';

const putAsset: PutAsset = (data) => api.asset.put({ data });

/** Store each file; the assets in order, and the problems of those refused. */
async function storeAll(files: readonly File[]): Promise<{ assetIds: string[]; problems: PhotoProblem[] }> {
  const assetIds: string[] = [];
  const problems: PhotoProblem[] = [];
  for (const file of files) {
    const outcome = await storePhotoFile(file, putAsset);
    if (outcome.ok) assetIds.push(outcome.asset.id);
    else problems.push(outcome.problem);
  }
  return { assetIds, problems };
}

/**
 * Add photos for `files` at `at` (where the user asked; see photoInsertionPath), then put the
 * focus in the first new photo's caption, which is what the writer fills in next.
 */
export async function addPhotoFiles(editor: Editor, files: readonly File[], at: Path): Promise<void> {
  // The document may change during the upload; the ref follows the place through those edits.
  const ref = Editor.pathRef(editor, at);
  const { assetIds, problems } = await storeAll(files);
  const target = usableInsertionPath(editor, ref.unref());
  photoNotices(editor).show(problems);
  if (assetIds.length === 0) return;
  const first = insertPhotos(editor, assetIds.map(newPhoto), target);
  focusPhotoControl(editor, first, 'caption');
}

/** Give the image of `file` to the photo at `at` (a placeholder, or one whose image is missing). */
export async function attachPhotoFile(editor: Editor, file: File, at: Path): Promise<void> {
  const ref = Editor.pathRef(editor, at);
  const { assetIds, problems } = await storeAll([file]);
  const path = ref.unref();
  photoNotices(editor).show(problems);
  if (assetIds[0] && path) setPhotoFields(editor, path, { assetId: assetIds[0] });
}

/** A control of a photo's in-place UI, marked `data-photo-control` in PhotoElement. */
export type PhotoControl = 'caption' | 'credit' | 'alt' | 'up' | 'down' | 'remove' | 'attach';

/**
 * Focus the first enabled of `controls` in the photo at `path` once React has rendered it (after
 * an insert or a move the element is new or remounted, so this waits a few frames for it).
 */
export function focusPhotoControl(editor: Editor, path: Path, ...controls: PhotoControl[]): void {
  let frames = 0;
  const attempt = () => {
    let element: HTMLElement | null = null;
    try {
      element = ReactEditor.toDOMNode(editor, Node.get(editor, path));
    } catch {
      // not rendered yet
    }
    const target = controls.map((c) => element?.querySelector<HTMLElement>(`[data-photo-control="${c}"]:not(:disabled)`)).find(Boolean);
    if (target) target.focus();
    else if (!element && ++frames < 10) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
