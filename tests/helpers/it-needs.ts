import { it, type TestContext } from 'vitest';
import { has, MISSING, type Material } from './material';

/**
 * `it`, for a test that needs outside material: skipped with a note when it is absent.
 * The material is looked up inside the test, so a missing file never breaks collection.
 */
export function itNeeds(material: Material) {
  return (name: string, fn: (ctx: TestContext) => unknown, timeout?: number) =>
    it(
      name,
      (ctx) => {
        ctx.skip(!has(material), MISSING[material]);
        return fn(ctx);
      },
      timeout,
    );
}
