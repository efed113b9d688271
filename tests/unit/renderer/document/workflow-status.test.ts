import { describe, expect, it } from 'vitest';
import { sendNeedsConfirmation, statusAfter } from '../../../../renderer/src/document/workflow-status';
import { statusSchema } from '../../../../shared/model/schema';

describe('the workflow status follows the work', () => {
  it('saving for review puts any story in review', () => {
    for (const s of statusSchema.options) expect(statusAfter(s, 'savedForReview')).toBe('in_review');
  });

  it('a delivery makes any story sent', () => {
    for (const s of statusSchema.options) expect(statusAfter(s, 'sent')).toBe('sent');
  });

  it('sending asks first for a draft or a story in review, not for an approved or already sent one', () => {
    expect(sendNeedsConfirmation('draft')).toBe('draft');
    expect(sendNeedsConfirmation('in_review')).toBe('in_review');
    expect(sendNeedsConfirmation('approved')).toBeNull();
    expect(sendNeedsConfirmation('sent')).toBeNull();
  });

  it('a draft saved for review and then sent goes draft → in review → sent', () => {
    const steps = (['savedForReview', 'sent'] as const).reduce<string[]>((acc, e) => [...acc, statusAfter(acc.at(-1) as 'draft', e)], ['draft']);
    expect(steps).toEqual(['draft', 'in_review', 'sent']);
  });
});
