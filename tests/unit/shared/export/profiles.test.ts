/** The export registry, the section → subject table, the slugline made from a headline, and what a destination profile turns into. */
import { describe, expect, it } from 'vitest';
import { DESTINATION_FORMATS, DIALOG_FORMATS, EXPORT_FORMATS, FORMAT_IDS, FORMATS, formatByName, receiverReads } from '../../../../shared/export/formats';
import { NEW_PROFILE, normalizedBaseUrl, PLAIN_EXPORT, profileChecks, profileOptions } from '../../../../shared/export/profile';
import { sluglineFrom } from '../../../../shared/export/slugline';
import { broadSubjectName, DEFAULT_SUBJECT_TABLE, subjectOf } from '../../../../shared/export/subjects';

describe('the export registry', () => {
  it('names every format in both languages, with a file extension and a media type', () => {
    for (const id of FORMAT_IDS) {
      const f = FORMATS[id];
      expect(f.id).toBe(id);
      expect(f.label.en).toMatch(/\S/);
      expect(f.label.vi).toMatch(/\S/);
      expect(f.extension).toMatch(/^[a-z0-9]+$/);
      expect(f.mime).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
  });

  it('takes each format by its command-line name or its id', () => {
    expect(formatByName('text')).toBe('agency-text');
    expect(formatByName('nitf-nons')).toBe('nitf-no-namespace');
    expect(formatByName('newsml-g2')).toBe('newsml-g2');
    expect(formatByName('ninjs-superdesk')).toBe('ninjs-superdesk');
    expect(formatByName('rtf')).toBeUndefined();
    for (const id of FORMAT_IDS) expect(formatByName(FORMATS[id].cliName)).toBe(id);
  });

  it('exports the accepted view in every format but the document’s own JSON and the Word review copy', () => {
    expect(FORMAT_IDS.filter((f) => FORMATS[f].view === 'stored')).toEqual(['json']);
    expect(FORMAT_IDS.filter((f) => FORMATS[f].view === 'review')).toEqual(['docx']);
    expect(FORMATS['docx-clean'].view).toBe('accepted');
    expect(FORMATS.json.preflight).toBeNull();
    // Agency text is checked only for what stops an export: it goes to people.
    expect(FORMATS['agency-text'].preflight).toMatchObject({ headline: false, images: false, advice: false });
  });

  it('offers the same formats in the dialog and the menu, and the destination formats it declares', () => {
    expect(DIALOG_FORMATS).toEqual(['agency-text', ...EXPORT_FORMATS, 'docx', 'docx-clean', 'webvtt', 'srt']);
    expect([...DESTINATION_FORMATS]).toEqual(FORMAT_IDS.filter((f) => FORMATS[f].forDestinations));
  });

  it('says which receiving systems ingest which format whole', () => {
    expect(receiverReads('superdesk', 'nitf')).toBe(false);
    expect(receiverReads('superdesk', 'nitf-no-namespace')).toBe(true);
    expect(receiverReads('superdesk', 'ninjs-3.1')).toBe(false);
    expect(receiverReads('generic', 'ninjs-superdesk')).toBe(false);
    expect(receiverReads('generic', 'agency-text')).toBe(false);
  });
});

describe('the section → IPTC subject table', () => {
  it('has the defaults the desk asked for', () => {
    const code = (section: string) => subjectOf(section, DEFAULT_SUBJECT_TABLE)?.code;
    expect(
      ['Chính trị', 'Politics', 'Kinh tế', 'Xã hội', 'Văn hóa', 'Thể thao', 'Giáo dục', 'Y tế', 'Khoa học – Công nghệ', 'Môi trường', 'Pháp luật', 'Quốc tế'].map(code),
    ).toEqual(['11000000', '11000000', '04000000', '14000000', '01000000', '15000000', '05000000', '07000000', '13000000', '06000000', '02000000', '11000000']);
  });

  it('matches a section however it is typed: case, tone-mark placement, missing marks, dashes, spaces', () => {
    for (const typed of ['VĂN HÓA', 'Văn hoá', 'van hoa', ' Văn   hóa ']) expect(subjectOf(typed, DEFAULT_SUBJECT_TABLE)).toEqual({ code: '01000000', name: typed.trim() });
    for (const typed of ['Khoa học - Công nghệ', 'Khoa học—Công nghệ', 'khoa hoc cong nghe']) expect(subjectOf(typed, DEFAULT_SUBJECT_TABLE)?.code).toBe('13000000');
    expect(subjectOf('Science & Technology', DEFAULT_SUBJECT_TABLE)?.code).toBe('13000000');
  });

  it('knows no subject for an unknown or empty section, and takes the first matching row of an edited table', () => {
    expect(subjectOf('Chuyện lạ', DEFAULT_SUBJECT_TABLE)).toBeNull();
    expect(subjectOf('  ', DEFAULT_SUBJECT_TABLE)).toBeNull();
    expect(subjectOf('Kinh tế', [{ section: 'kinh te', code: '04006000' }, { section: 'Kinh tế', code: '04000000' }])?.code).toBe('04006000');
  });

  it('names the broad subject of a code', () => {
    expect(broadSubjectName('04001000')).toBe('economy, business and finance');
    expect(broadSubjectName('11000000')).toBe('politics');
    expect(broadSubjectName('99000000')).toBeNull();
  });
});

describe('the slugline', () => {
  it('is the slug when there is one', () => {
    expect(sluglineFrom('LongAn-KetNap', 'Anything')).toBe('LongAn-KetNap');
  });

  it('is made from the headline: its first words in ASCII, joined by -, as many whole words as fit in 24 characters', () => {
    expect(sluglineFrom('', 'Quảng Ngãi: Đưa nước sạch về các xã vùng cao')).toBe('Quang-Ngai-Dua-nuoc-sach');
    expect(sluglineFrom('', 'Mekong Delta: farmers plant salt-tolerant rice')).toBe('Mekong-Delta-farmers');
    expect(sluglineFrom('', 'Supercalifragilisticexpialidocious words')).toBe('Supercalifragilisticexpi');
    expect(sluglineFrom('', '')).toBe('');
  });
});

describe('a destination profile', () => {
  it('puts pictures in pictures/ and refers to them by the picture base URL in every format', () => {
    const options = profileOptions({ ...NEW_PROFILE, pictureBaseUrl: 'https://media.example.org/p' }, { format: 'newsml-g2', section: 'Thể thao', folderUri: 'file:///srv/drop/' });
    expect(options).toEqual({
      receiver: 'superdesk',
      pictureFolder: 'pictures/',
      baseUri: 'https://media.example.org/p/',
      absolutePictureRefs: true,
      subjects: [{ code: '15000000', name: 'Thể thao' }],
      sapoInBody: true,
    });
  });

  it('without a base URL: relative paths, and the drop folder’s own address for formats that need an absolute one', () => {
    const options = profileOptions(NEW_PROFILE, { format: 'nitf-no-namespace', section: '', folderUri: 'file:///srv/drop/' });
    expect(options).toMatchObject({ pictureFolder: 'pictures/', baseUri: 'file:///srv/drop/pictures/', absolutePictureRefs: false, subjects: [] });
    expect(profileChecks(NEW_PROFILE).picturesOverHttp).toBe(false);
  });

  it('a plain export keeps the pictures beside the file, for a generic receiver; Superdesk ninjs is still shaped for Superdesk', () => {
    expect(profileOptions(PLAIN_EXPORT, { format: 'nitf', section: '' })).toMatchObject({ receiver: 'generic', pictureFolder: '' });
    expect(profileOptions(PLAIN_EXPORT, { format: 'ninjs-superdesk', section: '' }).receiver).toBe('superdesk');
  });

  it('takes only an http(s) picture address', () => {
    expect(normalizedBaseUrl('https://media.example.org/pictures')).toBe('https://media.example.org/pictures/');
    expect(normalizedBaseUrl('file:///srv/pictures/')).toBeNull();
    expect(normalizedBaseUrl('https://media.example.org/ảnh/')).toBeNull();
    expect(normalizedBaseUrl(null)).toBeNull();
  });
});
