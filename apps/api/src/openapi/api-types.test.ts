/**
 * The committed `packages/contracts/src/openapi.gen.ts` is the document the routes serve today: the
 * console and the phone page compile against it, so a stale copy would let a renamed path or field
 * pass their typecheck.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypes } from './api-types.ts';

/** The first line where the two texts part, to say where without printing 10 000 lines. */
function firstDifference(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  const at = b.findIndex((line, i) => line !== a[i]);
  const line = at === -1 ? b.length : at;
  return `line ${line + 1}: committed ${JSON.stringify(a[line] ?? null)}, current ${JSON.stringify(b[line] ?? null)}`;
}

it('the committed API types match the OpenAPI document', async () => {
  const committed = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
  const current = await apiTypes();
  if (committed !== current) {
    expect.fail(
      `packages/contracts/src/openapi.gen.ts is out of date: run \`npm run api-types\` and commit it (${firstDifference(committed, current)})`,
    );
  }
}, 60_000);
