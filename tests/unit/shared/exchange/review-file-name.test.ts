import { describe, expect, it } from 'vitest';
import { reviewFileName, slugify } from '../../../../shared/exchange/review-file-name';

const doc = (slug: string, headline: string) => ({ id: 'abc123', meta: { slug, headline } });

describe('the name of a file saved for review', () => {
  it('is the slug and the role', () => {
    expect(reviewFileName(doc('long-an-ket-nap-dang-vien', 'Whatever'), 'editor')).toBe('long-an-ket-nap-dang-vien.editor.interview');
    expect(reviewFileName(doc('long-an', ''), 'reporter')).toBe('long-an.reporter.interview');
  });

  it('falls back to the headline with Vietnamese diacritics and đ folded', () => {
    expect(reviewFileName(doc('', 'Long An kết nạp đảng viên'), 'editor')).toBe('long-an-ket-nap-dang-vien.editor.interview');
    expect(reviewFileName(doc('Not A Slug!', 'Đà Nẵng: “Chúng tôi chủ động”'), 'reporter')).toBe('da-nang-chung-toi-chu-dong.reporter.interview');
    // Decomposed input (NFD, as some keyboards and macOS send it) folds the same way.
    expect(slugify('Ông Hải nói'.normalize('NFD'))).toBe('ong-hai-noi');
  });

  it('keeps a long headline to whole words', () => {
    const name = reviewFileName(doc('', 'Phỏng vấn ông Nguyễn Thanh Hải về kế hoạch phát triển nông nghiệp bền vững của tỉnh Long An năm 2026'), 'editor');
    const base = name.replace('.editor.interview', '');
    expect(base.length).toBeLessThanOrEqual(60);
    expect(base).toMatch(/^phong-van-ong-nguyen-thanh-hai-ve-ke-hoach(-[a-z0-9]+)*$/);
    expect(base.endsWith('-')).toBe(false);
  });

  it('uses the id when there is neither, and leaves the role out without a profile', () => {
    expect(reviewFileName(doc('', ''), 'editor')).toBe('interview-abc123.editor.interview');
    expect(reviewFileName(doc('', '“…”'), undefined)).toBe('interview-abc123.interview');
    expect(reviewFileName(doc('long-an', ''), undefined)).toBe('long-an.interview');
  });
});
