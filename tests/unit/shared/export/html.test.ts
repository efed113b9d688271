/** HTML export: a semantic page a web CMS can take and a browser can preview. */
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../../../shared/export/html';
import { newInterview } from '../../../../shared/model/factory';
import { ANSWER_CONTINUED, HEADLINE, INTRO, LEAD_PHOTO, optionsFor, para, seedLikeDocument } from '../../../helpers/export-fixtures';
import { assertWellFormed, xpath } from '../../../helpers/xml-validators';

const doc = seedLikeDocument();
const options = optionsFor(doc);
const html = exportHtml(doc, options);
const q = (expression: string) => xpath(html, expression);
const article = '/html/body/article[@class="interview"]';

describe('HTML export', () => {
  it('is an HTML5 page in the document language, well-formed as XML too', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    assertWellFormed(html);
    expect(q('string(/html/head/meta/@charset)')).toBe('utf-8');
    expect(q('string(/html/head/title)')).toBe(HEADLINE);
  });

  it('puts the metadata in the article header and the byline in its footer', () => {
    expect(q(`string(${article}/header/h1)`)).toBe(HEADLINE);
    expect(q(`string(${article}/header/p[@class="section"])`)).toBe('Xây dựng Đảng');
    expect(q(`string(${article}/header/p[@class="dateline"])`)).toBe('Long An');
    expect(q(`string(${article}/header/p[@class="sapo"])`)).toBe(doc.meta.sapo);
    expect(q(`string(${article}/footer/p[@class="byline"])`)).toBe('Thanh Bình');
  });

  it('starts each turn with its label in <strong>, and marks paragraphs by role', () => {
    expect(q(`string(${article}/p[1][@class="intro"])`)).toBe(INTRO);
    expect(q(`string(${article}/p[2]/node()[1][self::strong])`)).toBe('* Phóng viên:');
    expect(q(`string(${article}/p[2]/@class)`)).toBe('question');
    expect(q(`string(${article}/p[3]/@class)`)).toBe('answer');
    expect(q(`string(${article}/p[4])`)).toBe(ANSWER_CONTINUED);
    expect(q(`count(${article}/p[starts-with(., "* ")][not(node()[1][self::strong])])`)).toBe('0');
    expect(q(`string(${article}//p/strong[. = "vẫn còn một số khó khăn"])`)).toBe('vẫn còn một số khó khăn');
    expect(q(`string(${article}//p/em)`)).toBe('thực hiện nghiêm túc');
  });

  it('shows photos as figures in place: image by relative file name, alt text, caption and credit', () => {
    expect(q(`count(${article}/figure)`)).toBe('3');
    expect(q(`string(${article}/figure[1]/img/@src)`)).toBe(options.pictures![LEAD_PHOTO]!.fileName);
    expect(q(`string(${article}/figure[1]/img/@alt)`)).toBe('Ông Nguyễn Thanh Hải ngồi tại bàn làm việc');
    expect(q(`string(${article}/figure[1]/figcaption/span[@class="credit"])`)).toBe('Ảnh: Thanh Hải/TTXVN');
    expect(q(`string(${article}/figure[2]/preceding-sibling::p[1])`)).toBe(ANSWER_CONTINUED);
  });

  it('keeps the embargo out of the visible text', () => {
    const embargoed = { ...doc, meta: { ...doc.meta, embargo: '2024-05-11T06:30:00+07:00' } };
    const out = exportHtml(embargoed, options);
    expect(xpath(out, 'string(/html/body/article/@data-embargo)')).toBe('2024-05-10T23:30:00Z');
    expect(xpath(out, 'contains(string(/html/body), "2024")')).toBe('false');
  });

  it('never self-closes an element HTML would read as left open, even for an empty document', () => {
    const empty = exportHtml(newInterview('empty', 'en'), { ...options, pictures: {} });
    assertWellFormed(empty);
    expect(empty).toContain('<title>empty</title>');
    expect(empty).toContain('<article class="interview"></article>');
    for (const out of [html, empty]) {
      const selfClosed = [...out.matchAll(/<([a-z0-9]+)\b[^>]*\/>/g)].map((m) => m[1]);
      expect(selfClosed.every((name) => name === 'meta' || name === 'img')).toBe(true);
    }
  });

  it('escapes text as text', () => {
    const d = seedLikeDocument();
    d.body = [para('<script>alert(1)</script> &amp; ]]>')];
    const out = exportHtml(d, options);
    expect(out).not.toContain('<script>');
    expect(xpath(out, 'string(/html/body/article/p)')).toBe('<script>alert(1)</script> &amp; ]]>');
  });
});
