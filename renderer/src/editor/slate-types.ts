/** Slate's node types are the document model's (shared/model/schema.ts). */
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { Paragraph, Photo, TextLeaf, Turn } from '../../../shared/model/schema';

export type InterviewElement = Paragraph | Turn | Photo;

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor;
    Element: InterviewElement;
    Text: TextLeaf;
  }
}
