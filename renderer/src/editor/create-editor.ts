/**
 * The interview editor: Slate + React + history + the interview plugins. Each plugin is a
 * `withX(editor)` in its own module that wraps Slate methods (and the interview's commands,
 * slate-types.ts) and falls through to the original. Features from outside the editor wrap the
 * result the same way: the document screen adds review (`withReview(createInterviewEditor())`,
 * review/with-review.ts), which must see the user's actions before these plugins do.
 */
import { createEditor, Editor } from 'slate';
import { withHistory } from 'slate-history';
import { withReact } from 'slate-react';
import './slate-types';
import { withInterview } from './with-interview';
import { withMediaTime } from './with-media-time';
import { withNfcInput } from './nfc-input';
import { withTurnBackspace } from './turn-backspace';
import { addPhotoFiles } from './photos/add-photo-files';
import { withPhotos } from './with-photos';
import { withSameSpeakerWatch } from './same-speaker';
import { withPaste } from './paste/with-paste';

const CHUNK_SIZE = 100;

export function createInterviewEditor(): Editor {
  // withInterview gives the interview's commands their plain behaviour; withPaste turns pasted
  // text into turns, photos and paragraphs (paste/with-paste.ts); withMediaTime keeps a paragraph's
  // time on the right side of every split and merge, above history so its fixes are recorded.
  const editor = withPaste(withNfcInput(withTurnBackspace(withMediaTime(withInterview(withHistory(withReact(createEditor())))))));
  // Outermost, so pasted or dropped image files are taken before any text-paste handling.
  withPhotos(editor, (ed, files, at) => void addPhotoFiles(ed, files, at));
  // Wakes the turns whose same-speaker warning comes or goes (same-speaker.ts).
  withSameSpeakerWatch(editor);
  // Render the top-level blocks in chunks of 100, so off-screen chunks can skip layout and paint
  // (content-visibility, see renderChunk): this is what keeps typing fast in long interviews
  // (measured by `npm run bench`, BENCHMARKS.md).
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
  return editor;
}
