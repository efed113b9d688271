/** The worker's service: requests in, answers out; a dictionary that fails to load leaves the tone check. */
import { describe, expect, it } from 'vitest';
import { SpellingService } from '../../../../renderer/src/spelling/spelling-service';
import { englishSpeller, vietnameseWords } from '../../../helpers/vietnamese-dictionaries';

const settings = { language: 'vi' as const, style: 'traditional' as const };

describe('SpellingService', () => {
  it('answers a check with the findings of each text, in order', async () => {
    const service = new SpellingService({ vietnamese: async () => vietnameseWords(), english: async () => englishSpeller() });
    const answer = await service.handle({ type: 'check', id: 7, settings, texts: ['Lãnh đaọ.', 'Đúng cả.', 'nghành'] });
    expect(answer.type === 'checked' && answer.findings.map((list) => list.map((f) => f.found))).toEqual([['đaọ'], [], ['nghành']]);
    expect(answer.id).toBe(7);
    expect(await service.handle({ type: 'suggest', id: 8, settings: { ...settings, language: 'en' }, word: 'recieve' })).toEqual(expect.objectContaining({ type: 'suggestions', id: 8, suggestions: expect.arrayContaining(['receive']) }));
  });

  it('checks tone marks still when the dictionaries cannot be loaded, and says so once', async () => {
    const errors: string[] = [];
    const fail = async (): Promise<never> => Promise.reject(new Error('offline'));
    const service = new SpellingService({ vietnamese: fail, english: fail }, (what) => errors.push(what));
    expect(await service.check(settings, ['Lãnh đaọ, nghành.'])).toEqual([[{ start: 5, end: 8, kind: 'misplaced-tone', found: 'đaọ', suggestion: 'đạo' }]]);
    await service.check(settings, ['Lại lần nữa.']);
    expect(errors).toEqual(['Vietnamese dictionary', 'English dictionary']);
  });
});
