// Must be imported before any schema is built: zod probes `new Function` while building object
// schemas, which our Content-Security-Policy forbids (and reports). Plain parsing is fast enough here.
import { z } from 'zod';

z.config({ jitless: true });
