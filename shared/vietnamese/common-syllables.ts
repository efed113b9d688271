/**
 * Some of the most frequent syllables of Vietnamese news copy, to break ties between equally
 * close suggestions (`đươc` is as close to `đước` as to `được`; the writer almost surely meant
 * `được`). Written from general knowledge of the language, not taken from a frequency list; in
 * the traditional style (the dictionary compares them after moving them to the house style).
 */
export const COMMON_SYLLABLES: readonly string[] = [
  'anh', 'bà', 'bán', 'bản', 'bảo', 'bằng', 'biết', 'bộ', 'bị', 'các', 'cán', 'cao', 'cả', 'cấp', 'chính', 'cho', 'chủ',
  'chức', 'chúng', 'chưa', 'có', 'còn', 'công', 'cơ', 'cũng', 'của', 'cuộc', 'cùng', 'dân', 'dự', 'dụng', 'dựng', 'đã',
  'đại', 'đang', 'đảng', 'đạo', 'đất', 'đầu', 'để', 'đến', 'điều', 'định', 'đó', 'độ', 'đối', 'động', 'đồng', 'được',
  'gia', 'giá', 'giải', 'giáo', 'giữa', 'hai', 'hành', 'hiện', 'hóa', 'học', 'hội', 'hơn', 'hợp', 'không', 'khi', 'kinh',
  'kết', 'lại', 'làm', 'lên', 'lượng', 'lý', 'mà', 'mới', 'một', 'nam', 'năm', 'nào', 'này', 'nên', 'nghiệp', 'ngày',
  'ngành', 'người', 'nhà', 'nhân', 'nhất', 'nhiều', 'như', 'những', 'nước', 'nói', 'nông', 'phải', 'phát', 'quan',
  'quốc', 'ra', 'rằng', 'sản', 'sau', 'sẽ', 'sự', 'tác', 'tại', 'tế', 'thành', 'theo', 'thể', 'thì', 'thời', 'thực',
  'tiếp', 'tin', 'tỉnh', 'tổ', 'trên', 'triển', 'trong', 'trước', 'trường', 'từ', 'tư', 'và', 'vào', 'về', 'việc',
  'việt', 'vì', 'với', 'vụ', 'xã', 'xây', 'yêu',
];
