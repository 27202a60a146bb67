/**
 * Translates each driver's unique-constraint error into `UniqueViolation`, naming the constraint the
 * same way on both dialects: PostgreSQL reports the name given in the migration; SQLite reports only
 * `table.column, …`, from which the same name is rebuilt.
 */
import { UniqueViolation } from './types.ts';

const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Runs a write, rethrowing a unique-constraint failure as `UniqueViolation`. */
export async function mapUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw toUniqueViolation(err) ?? err;
  }
}

function toUniqueViolation(err: unknown): UniqueViolation | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, constraint, message } = err as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  if (code === '23505')
    return new UniqueViolation(typeof constraint === 'string' ? constraint : 'unknown');
  if (typeof code !== 'string' || !SQLITE_UNIQUE.has(code)) return undefined;
  // An expression index (units' code among siblings) is reported by its name.
  const index = /constraint failed: index '([^']+)'/.exec(String(message))?.[1];
  if (index) return new UniqueViolation(index);
  const columns = /constraint failed: (.+)$/.exec(String(message))?.[1]?.split(', ') ?? [];
  const table = columns[0]?.split('.')[0] ?? 'unknown';
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new UniqueViolation(`${table}_pkey`);
  const names = columns.map((c) => c.slice(c.indexOf('.') + 1));
  return new UniqueViolation(`${table}_${names.join('_')}_unique`);
}
