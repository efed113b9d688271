/**
 * The interview schema as Slate normalisation, applied live while the user edits:
 * - the editor holds paragraphs, turns and photos; text never sits directly in the editor or a turn;
 * - a turn holds paragraphs and photos, never another turn, and always at least one paragraph;
 * - a turn's speaker is a participant: an unknown one (pasted from another interview) becomes a
 *   visible placeholder participant, never silently someone else;
 * - a paragraph holds only text;
 * - the document always ends with somewhere to type.
 * Each pass fixes one problem and returns; Slate calls normalizeNode again until nothing changes.
 *
 * It also gives the interview's commands (slate-types.ts: turns, speakers, photos) their plain
 * behaviour, as Slate's createEditor gives `insertBreak` its own: each method calls the function
 * that does it (commands.ts, photos/photo-commands.ts). Plugins added later override the methods.
 */
import { Editor, Element, Node, Path, Text, Transforms, type NodeEntry } from 'slate';
import { emptyParagraph } from '../../../shared/model/factory';
import { UNKNOWN_SPEAKER_LABEL } from '../../../shared/model/normalize';
import { plainInsertNextTurn, plainJoinTurn, plainReassignTurns, plainRemoveTurnsOf, plainSetSpeaker } from './commands';
import { getEditorEnv } from './editor-context';
import { plainInsertPhotos, plainMovePhoto, plainRemovePhoto, plainSetPhotoFields } from './photos/photo-commands';

export function withInterview<E extends Editor>(editor: E): E {
  const { isVoid, normalizeNode, getDirtyPaths } = editor;

  editor.isVoid = (element) => element.type === 'photo' || isVoid(element);

  editor.insertNextTurn = (participants) => plainInsertNextTurn(editor, participants);
  editor.setSpeaker = (top, speakerId) => plainSetSpeaker(editor, top, speakerId);
  editor.joinTurn = (top) => plainJoinTurn(editor, top);
  editor.reassignTurns = (fromId, toId) => plainReassignTurns(editor, fromId, toId);
  editor.removeTurnsOf = (speakerId) => plainRemoveTurnsOf(editor, speakerId);
  editor.insertPhotos = (photos, at) => plainInsertPhotos(editor, photos, at);
  editor.movePhoto = (at, direction) => plainMovePhoto(editor, at, direction);
  editor.removePhoto = (at) => plainRemovePhoto(editor, at);
  editor.setPhotoFields = (at, fields, options) => plainSetPhotoFields(editor, at, fields, options);
  // Plain editing changes the document at once; nothing is kept marked for a decision.
  editor.tracksChanges = () => false;
  // Bold and italic are drawn by the editor itself (InterviewEditor.tsx); features add their marks.
  editor.renderLeafMarks = (_leaf, children) => children;

  // Typing must not normalise the editor node: Slate marks every ancestor of a changed text dirty,
  // the root included, and checking the root walks all its children twice (ours below and
  // Slate's default), ~5 ms a keystroke at 20,000 paragraphs. A text operation changes no
  // node's type and no element's list of children, which is all the root's rules look at; the
  // text's own ancestors below the root are still normalised (adjacent leaves, empty turns).
  editor.getDirtyPaths = (op) => (op.type === 'insert_text' || op.type === 'remove_text' ? Path.levels(op.path).slice(1) : getDirtyPaths(op));

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;

    if (Editor.isEditor(node)) {
      if (node.children.length === 0) {
        Transforms.insertNodes(editor, emptyParagraph(), { at: [0] });
        return;
      }
      for (const [child, childPath] of Node.children(editor, path)) {
        if (Text.isText(child)) {
          Transforms.wrapNodes(editor, { type: 'paragraph', children: [] }, { at: childPath });
          return;
        }
      }
      const last = node.children[node.children.length - 1];
      if (Element.isElement(last) && last.type === 'photo') {
        Transforms.insertNodes(editor, emptyParagraph(), { at: [node.children.length] });
        return;
      }
    } else if (Element.isElement(node) && node.type === 'turn') {
      for (const [child, childPath] of Node.children(editor, path)) {
        if (Text.isText(child)) {
          Transforms.wrapNodes(editor, { type: 'paragraph', children: [] }, { at: childPath });
          return;
        }
        if (Element.isElement(child) && child.type === 'turn') {
          Transforms.unwrapNodes(editor, { at: childPath });
          return;
        }
      }
      if (!node.children.some((c) => Element.isElement(c) && c.type === 'paragraph')) {
        Transforms.insertNodes(editor, emptyParagraph(), { at: [...path, node.children.length] });
        return;
      }
      const env = getEditorEnv(editor);
      const known = env.participantsNow();
      if (known.length > 0 && !known.some((p) => p.id === node.speakerId)) {
        const placeholder = { id: node.speakerId, label: `${UNKNOWN_SPEAKER_LABEL[env.language]} ${known.length + 1}`, fullName: '', title: '', role: 'interviewee' as const };
        const to = env.adoptParticipants([placeholder])[node.speakerId];
        if (to && to !== node.speakerId) {
          Transforms.setNodes(editor, { speakerId: to }, { at: path });
          return;
        }
      }
      if (path.length > 1) {
        // A turn nested anywhere but the top level is lifted out.
        Transforms.liftNodes(editor, { at: path });
        return;
      }
    } else if (Element.isElement(node) && node.type === 'paragraph') {
      for (const [child, childPath] of Node.children(editor, path)) {
        if (Element.isElement(child)) {
          Transforms.unwrapNodes(editor, { at: childPath });
          return;
        }
      }
    } else if (Element.isElement(node) && node.type === 'photo' && path.length > 2) {
      // Photos stand between top-level blocks or between a turn's paragraphs, never deeper.
      Transforms.liftNodes(editor, { at: path });
      return;
    }

    normalizeNode(entry, options);
  };

  return editor;
}
