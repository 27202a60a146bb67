/**
 * The few assertions the outbox contract needs, with no test framework: the same checks run under
 * vitest in Node and inside a page in Chromium.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual: unknown, expected: unknown, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

export async function assertRejects(work: Promise<unknown>, message: string): Promise<unknown> {
  try {
    await work;
  } catch (err) {
    return err;
  }
  throw new Error(`${message}: expected a rejection`);
}
