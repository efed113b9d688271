/**
 * The words the desktop shell shows itself (menus, the quit dialog), in English and Vietnamese.
 * The renderer has its own i18n layer; the main process cannot use it, so this small table
 * speaks the language the renderer reports (the UI language setting, app-menu.ts) and, until the
 * first report, the system's: Vietnamese when it is the first preference, English otherwise.
 */
import type { EditingMode, ExportMenuFormat, MarkupView } from '../../shared/desktop-commands';
import { FORMAT_IDS, FORMATS } from '../../shared/export/formats';

export type ShellLanguage = 'en' | 'vi';

/** The Export submenu's items: the registry's labels (shared/export/formats.ts), each opening a dialog (…). */
function formatItems(language: ShellLanguage): Record<ExportMenuFormat, string> {
  return Object.fromEntries(FORMAT_IDS.map((f) => [f, `${FORMATS[f].label[language]}…`])) as Record<ExportMenuFormat, string>;
}

export function shellLanguage(preferred: readonly string[]): ShellLanguage {
  return preferred[0]?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export interface ShellStrings {
  file: string;
  newInterview: string;
  open: string;
  saveForReview: string;
  import: string;
  export: string;
  formats: Record<ExportMenuFormat, string>;
  sendToNewsroom: string;
  close: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  find: string;
  replace: string;
  view: string;
  modes: Record<EditingMode, string>;
  markup: Record<MarkupView, string>;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  reload: string;
  devTools: string;
  window: string;
  help: string;
  shortcuts: string;
  about: string;
  /** The dialog when pending edits could not be confirmed as saved. */
  unsaved: {
    timeoutMessage: string;
    timeoutDetail: (seconds: number) => string;
    failedMessage: string;
    failedDetail: (reason: string) => string;
    keepOpen: string;
    quitAnyway: string;
  };
  cannotOpenLibrary: string;
  /** The backend process (which holds the library) ended unexpectedly. */
  backendStopped: {
    message: string;
    restartingDetail: string;
    goneDetail: string;
  };
}

const en: ShellStrings = {
  file: '&File',
  newInterview: 'New interview',
  open: 'Open…',
  saveForReview: 'Save for review…',
  import: 'Import…',
  export: 'Export',
  formats: formatItems('en'),
  sendToNewsroom: 'Send to newsroom…',
  close: 'Close interview',
  quit: 'Quit',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  find: 'Find…',
  replace: 'Find and replace…',
  view: '&View',
  modes: { editing: 'Editing', suggesting: 'Suggesting', viewing: 'Viewing' },
  markup: { markup: 'Show markup', final: 'Final', original: 'Original' },
  actualSize: 'Actual size',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fullScreen: 'Full screen',
  reload: 'Reload',
  devTools: 'Developer tools',
  window: '&Window',
  help: '&Help',
  shortcuts: 'Keyboard shortcuts',
  about: 'About Interview Desk',
  unsaved: {
    timeoutMessage: 'Interview Desk could not confirm that your latest edits are saved.',
    timeoutDetail: (seconds) => `The editor did not answer within ${seconds} seconds. If you quit now, the edits of the last few seconds may be lost.`,
    failedMessage: 'Your latest edits could not be saved.',
    failedDetail: (reason) => `${reason}\n\nIf you quit now, these edits are lost.`,
    keepOpen: 'Keep the app open',
    quitAnyway: 'Quit without saving',
  },
  cannotOpenLibrary: 'Interview Desk cannot open its library',
  backendStopped: {
    message: 'The library stopped unexpectedly.',
    restartingDetail: 'Interview Desk has reopened it. Everything saved before is kept; edits not yet saved are sent again with your next change.',
    goneDetail: 'It stopped several times and was not reopened. Everything saved before is kept. Quit Interview Desk and start it again.',
  },
};

const vi: ShellStrings = {
  file: '&Tệp',
  newInterview: 'Bài phỏng vấn mới',
  open: 'Mở…',
  saveForReview: 'Lưu để duyệt…',
  import: 'Nhập bài…',
  export: 'Xuất tệp',
  formats: formatItems('vi'),
  sendToNewsroom: 'Gửi tòa soạn…',
  close: 'Đóng bài phỏng vấn',
  quit: 'Thoát',
  edit: '&Sửa',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Sao chép',
  paste: 'Dán',
  selectAll: 'Chọn tất cả',
  find: 'Tìm…',
  replace: 'Tìm và thay…',
  view: '&Xem',
  modes: { editing: 'Soạn thảo', suggesting: 'Đề xuất sửa', viewing: 'Chỉ xem' },
  markup: { markup: 'Hiện đánh dấu', final: 'Bản cuối', original: 'Bản gốc' },
  actualSize: 'Cỡ thật',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  fullScreen: 'Toàn màn hình',
  reload: 'Tải lại',
  devTools: 'Công cụ nhà phát triển',
  window: '&Cửa sổ',
  help: 'Trợ &giúp',
  shortcuts: 'Phím tắt',
  about: 'Giới thiệu Interview Desk',
  unsaved: {
    timeoutMessage: 'Interview Desk chưa xác nhận được rằng các thay đổi mới nhất đã được lưu.',
    timeoutDetail: (seconds) => `Trình soạn thảo không trả lời trong ${seconds} giây. Nếu thoát bây giờ, những thay đổi trong vài giây cuối có thể bị mất.`,
    failedMessage: 'Không lưu được các thay đổi mới nhất.',
    failedDetail: (reason) => `${reason}\n\nNếu thoát bây giờ, những thay đổi này sẽ bị mất.`,
    keepOpen: 'Giữ ứng dụng mở',
    quitAnyway: 'Thoát, không lưu',
  },
  cannotOpenLibrary: 'Interview Desk không mở được thư viện',
  backendStopped: {
    message: 'Thư viện bị dừng đột ngột.',
    restartingDetail: 'Interview Desk đã mở lại thư viện. Mọi thứ đã lưu trước đó vẫn còn nguyên; những thay đổi chưa kịp lưu sẽ được gửi lại cùng lần sửa tiếp theo của bạn.',
    goneDetail: 'Thư viện đã dừng nhiều lần và không được mở lại. Mọi thứ đã lưu trước đó vẫn còn nguyên. Hãy thoát Interview Desk rồi mở lại.',
  },
};

export const SHELL_STRINGS: Readonly<Record<ShellLanguage, ShellStrings>> = { en, vi };
