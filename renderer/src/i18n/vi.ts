import type { Messages } from './en';

export const vi: Messages = {
  app: { name: 'Interview Desk' },
  library: {
    title: 'Bài phỏng vấn',
    new: 'Bài phỏng vấn mới',
    empty: 'Chưa có bài phỏng vấn nào. Bấm “Bài phỏng vấn mới” để bắt đầu.',
    untitled: 'Bài chưa có tiêu đề',
    updated: 'Sửa {{when}}',
    loadError: 'Không đọc được thư viện: {{message}}',
  },
  status: { draft: 'Bản nháp', in_review: 'Đang biên tập', approved: 'Đã duyệt', sent: 'Đã gửi' },
  meta: {
    section: 'Chuyên mục',
    headline: 'Tiêu đề',
    location: 'Địa danh',
    sapo: 'Sapo',
    byline: 'Tác giả',
    headlinePlaceholder: 'Tiêu đề',
    sapoPlaceholder: 'Sapo: một, hai câu tóm tắt cuộc phỏng vấn',
  },
  document: {
    back: 'Thư viện',
    loading: 'Đang mở…',
    loadError: 'Không mở được bài phỏng vấn này: {{message}}',
  },
  editor: {
    toolbar: 'Công cụ soạn thảo',
    newTurn: 'Lượt mới',
    newTurnHint: 'Bắt đầu lượt của người nói tiếp theo (Ctrl+Enter)',
    body: 'Nội dung phỏng vấn',
    placeholder: 'Viết phần mở đầu, hoặc bấm Ctrl+Enter để bắt đầu câu hỏi đầu tiên.',
    hint: 'Enter: đoạn mới · Ctrl+Enter: người nói tiếp theo · Alt+1…9: chọn người nói',
  },
  save: {
    saved: 'Đã lưu',
    pending: 'Có thay đổi chưa lưu',
    saving: 'Đang lưu…',
    error: 'Chưa lưu được: {{message}}',
    conflict: 'Chưa lưu được: bài này đã được sửa ở nơi khác. Hãy tải lại để xem bản mới hơn.',
    retry: 'Thử lại',
    reload: 'Tải lại',
  },
};
