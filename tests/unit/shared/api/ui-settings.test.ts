/** Which language the UI speaks for each choice in Settings, given the system's preferences. */
import { describe, expect, it } from 'vitest';
import { uiLanguageFor } from '../../../../shared/api/ui-settings';

describe('uiLanguageFor', () => {
  it.each([
    [['vi-VN', 'en-US'], 'vi'],
    [['vi'], 'vi'],
    [['VI-vn'], 'vi'],
    [['en-GB', 'vi-VN'], 'en'],
    [['fr-FR', 'vi'], 'en'],
    [[], 'en'],
  ])('follows the system’s first language %j: %s', (preferred, expected) => {
    expect(uiLanguageFor('system', preferred)).toBe(expected);
  });

  it('speaks the chosen language whatever the system prefers', () => {
    expect(uiLanguageFor('vi', ['en-US'])).toBe('vi');
    expect(uiLanguageFor('en', ['vi-VN'])).toBe('en');
  });
});
