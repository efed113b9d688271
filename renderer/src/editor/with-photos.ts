/**
 * Pasted and dropped image files become photos. Slate hands both a paste and a drop to
 * `insertData` (a drop after putting the selection at the drop point); this plugin takes the
 * data when it carries files, and otherwise falls through to the next `insertData`, so pasting
 * text keeps working. The files become photos through the editor's `insertPhotos`
 * (add-photo-files.ts), so Suggesting records them; the photo commands themselves are the
 * interview's (with-interview.ts, photos/photo-commands.ts).
 */
import type { Editor, Path } from 'slate';
import { photoInsertionPath } from './photos/photo-commands';

/** Stores the files and inserts them at `at`; asynchronous, as storing takes a moment. */
export type PhotoFilesHandler = (editor: Editor, files: File[], at: Path) => void;

export function withPhotos<E extends Editor>(editor: E, onFiles: PhotoFilesHandler): E {
  const { insertData } = editor;

  editor.insertData = (data) => {
    const files = photoFilesIn(data);
    if (files.length === 0) {
      insertData(data);
      return;
    }
    onFiles(editor, files, photoInsertionPath(editor));
  };

  return editor;
}

/**
 * The files of a paste or drop that are meant as photos. All of them: a file that is not an
 * accepted image is refused later with a message rather than ignored. None when the data also
 * carries text: word processors and spreadsheets put a picture of the copied text next to the
 * text itself, and the writer meant the text.
 */
export function photoFilesIn(data: Pick<DataTransfer, 'files' | 'getData'>): File[] {
  const files = Array.from(data.files);
  if (files.length === 0 || data.getData('text/plain').trim() !== '') return [];
  return files;
}
