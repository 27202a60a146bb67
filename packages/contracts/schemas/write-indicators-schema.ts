/** Writes indicators.schema.json from the zod schema: `node --import tsx <this file>`. */
import { writeFileSync } from 'node:fs';
import { indicatorFileJsonSchema } from '../src/indicators.ts';

const target = new URL('./indicators.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(indicatorFileJsonSchema(), null, 2)}\n`);
