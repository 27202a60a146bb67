/**
 * What integrators need from the generated OpenAPI document beyond the routes' own schemas: the
 * server to call (the configured public address), a stable `operationId` for every operation (a
 * client generator names its functions after them), and a security statement on every operation —
 * `[]` says out loud that an operation needs no credentials, rather than leaving it unsaid.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  operationId?: string;
  security?: unknown[];
}
type PathItem = { [M in (typeof METHODS)[number]]?: Operation };

export interface OpenApiDocument {
  servers?: { url: string; description?: string }[];
  paths?: Record<string, PathItem>;
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * `GET /api/v1/feedback/{id}/transitions` → `getFeedbackByIdTransitions`; the version prefix is
 * left out, since every path has it. Stable while the path and method are.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v\d+\//, '/')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const parts = (param ? param[1]! : segment).split(/[^A-Za-z0-9]+/).filter(Boolean);
      return param ? ['By', ...parts.map(capital)] : parts.map(capital);
    });
  return method.toLowerCase() + words.join('');
}

export function finishDocument<D extends OpenApiDocument>(
  doc: D,
  publicUrl: string | undefined,
): D & Required<OpenApiDocument> {
  const seen = new Map<string, string>();
  const paths: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const finished: PathItem = { ...item };
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const operationId = operation.operationId ?? operationIdOf(method, path);
      const clash = seen.get(operationId);
      if (clash) throw new Error(`operationId ${operationId} of ${method} ${path} is ${clash}'s`);
      seen.set(operationId, `${method} ${path}`);
      finished[method] = { ...operation, operationId, security: operation.security ?? [] };
    }
    paths[path] = finished;
  }
  return {
    ...doc,
    servers: [
      publicUrl
        ? { url: publicUrl, description: 'The configured public address (PUBLIC_URL)' }
        : { url: '/', description: 'This server (PUBLIC_URL is not set)' },
    ],
    paths,
  };
}
