/**
 * The verifier page's script, bundled for the browser from verify-client.ts with the domain's own
 * Merkle, canonical-form and dataset code (never a copy of it), on first request and kept for the
 * process's life: the script always matches the server's code, and no build step can forget it.
 * esbuild is the bundler tsx (a dependency of this app) runs on.
 */
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

export const VERIFY_SCRIPT_PATH = '/public/verify.js';

export interface BundledScript {
  code: string;
  etag: string;
}

let bundled: Promise<BundledScript> | undefined;

async function bundle(): Promise<BundledScript> {
  const result = await build({
    entryPoints: [new URL('./verify-client.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"` };
}

/** The bundled script (bundled once; a failed bundling is tried again on the next request). */
export function verifyScript(): Promise<BundledScript> {
  bundled ??= bundle().catch((err: unknown) => {
    bundled = undefined;
    throw err;
  });
  return bundled;
}
