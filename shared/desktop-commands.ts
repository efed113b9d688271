/**
 * Commands the desktop shell sends to the renderer: one per application-menu item that the
 * renderer carries out, plus `open-file` when the OS asks the app to open a `.interview` file.
 *
 * The set is closed: the preload drops anything that is not one of these. The renderer reports
 * which of them the current screen handles, and the menu enables exactly those items
 * (electron/main/menu-state.ts); a command that still arrives unhandled is reported as a bug.
 *
 * Menu items that the operating system or Chromium carry out themselves (undo, redo, cut, copy,
 * paste, zoom, quit, about) are Electron roles, not commands: see electron/main/menu-template.ts.
 */
import { DIALOG_FORMATS, type FormatId } from './export/formats';

/** The Export submenu: the formats the Export dialog offers, in its order (the export registry, shared/export/formats.ts). */
export const EXPORT_MENU_FORMATS: readonly FormatId[] = DIALOG_FORMATS;
export type ExportMenuFormat = FormatId;

/** Who may change what: write freely, suggest tracked changes, or only read. */
export const EDITING_MODES = ['editing', 'suggesting', 'viewing'] as const;
export type EditingMode = (typeof EDITING_MODES)[number];

/** How tracked changes are shown: with their markup, as if all accepted, or as if all rejected. */
export const MARKUP_VIEWS = ['markup', 'final', 'original'] as const;
export type MarkupView = (typeof MARKUP_VIEWS)[number];

export type DesktopCommand =
  | { type: 'file.new' }
  | { type: 'file.open' }
  | { type: 'file.saveForReview' }
  | { type: 'file.import' }
  | { type: 'file.export'; format: ExportMenuFormat }
  | { type: 'file.sendToNewsroom' }
  | { type: 'file.close' }
  | { type: 'edit.find' }
  | { type: 'edit.replace' }
  | { type: 'view.mode'; mode: EditingMode }
  | { type: 'view.markup'; markup: MarkupView }
  | { type: 'help.shortcuts' }
  /**
   * The OS asked to open a file (double-click, "Open with", a second launch). The renderer never
   * sees its path: it gets an id to read the file once with `window.desktop.readOpenedFile`.
   */
  | { type: 'open-file'; fileId: string; fileName: string };

export type DesktopCommandType = DesktopCommand['type'];

/** Every command name, for the preload's check and for tests. */
export const DESKTOP_COMMAND_TYPES = [
  'file.new',
  'file.open',
  'file.saveForReview',
  'file.import',
  'file.export',
  'file.sendToNewsroom',
  'file.close',
  'edit.find',
  'edit.replace',
  'view.mode',
  'view.markup',
  'help.shortcuts',
  'open-file',
] as const satisfies readonly DesktopCommandType[];

const oneOf = (values: readonly string[], value: unknown): boolean => typeof value === 'string' && values.includes(value);
const keysAre = (o: object, keys: string[]): boolean => {
  const own = Object.keys(o).sort();
  const want = [...keys].sort();
  return own.length === want.length && own.every((k, i) => k === want[i]);
};

/**
 * What the open document shows, reported by the renderer so the menu's View ▸ mode and markup
 * radio items tick what is really on screen (modes also change by buttons and shortcuts).
 */
export interface ReviewViewState {
  mode: EditingMode;
  markup: MarkupView;
}

export function isReviewViewState(value: unknown): value is ReviewViewState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const s = value as Record<string, unknown>;
  return keysAre(s, ['mode', 'markup']) && oneOf(EDITING_MODES, s.mode) && oneOf(MARKUP_VIEWS, s.markup);
}

/** True for a well-formed command of the closed set, with no extra fields. */
export function isDesktopCommand(value: unknown): value is DesktopCommand {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const c = value as Record<string, unknown>;
  switch (c.type) {
    case 'file.export':
      return keysAre(c, ['type', 'format']) && oneOf(EXPORT_MENU_FORMATS, c.format);
    case 'view.mode':
      return keysAre(c, ['type', 'mode']) && oneOf(EDITING_MODES, c.mode);
    case 'view.markup':
      return keysAre(c, ['type', 'markup']) && oneOf(MARKUP_VIEWS, c.markup);
    case 'open-file':
      return (
        keysAre(c, ['type', 'fileId', 'fileName']) &&
        typeof c.fileId === 'string' &&
        /^[A-Za-z0-9_-]{1,64}$/.test(c.fileId) &&
        typeof c.fileName === 'string' &&
        c.fileName.length > 0 &&
        c.fileName.length <= 255
      );
    default:
      return oneOf(DESKTOP_COMMAND_TYPES, c.type) && keysAre(c, ['type']);
  }
}
