/**
 * `npm run api-types`: writes the OpenAPI document's TypeScript types to
 * packages/contracts/src/openapi.gen.ts, which the console and the phone page compile against.
 * Run it after changing a route's path, parameters or schemas; a test fails until you do.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { API_TYPES_FILE, apiTypes } from '../apps/api/src/openapi/api-types.ts';

await writeFile(API_TYPES_FILE, await apiTypes());
console.log(`wrote ${relative(process.cwd(), API_TYPES_FILE)}`);
