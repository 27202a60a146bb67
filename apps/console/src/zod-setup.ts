// Must be imported before any schema is built: zod probes `new Function` while building object
// schemas, which our Content-Security-Policy forbids (and reports). Plain parsing is fast enough here.
// From zod's core alone: the full `zod` import would bring its locale and helpers into the first load.
import { config } from 'zod/v4/core';

config({ jitless: true });
