/**
 * The editor instance: Slate + React + history + the interview plugins. Each plugin is a
 * `withX(editor)` in its own module that wraps Slate methods and falls through to the original.
 */
import { createEditor, type Editor } from 'slate';
import { withHistory } from 'slate-history';
import { withReact } from 'slate-react';
import './slate-types';
import { withInterview } from './with-interview';

export function createInterviewEditor(): Editor {
  const editor = withInterview(withHistory(withReact(createEditor())));
  return editor;
}
