// Must run before any schema is built: zod probes `new Function` while building object schemas,
// which the server's Content-Security-Policy forbids (and reports). Plain parsing is fast enough.
import { z } from 'zod';

z.config({ jitless: true });
