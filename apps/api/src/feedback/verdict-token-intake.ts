/**
 * A verdict token made by the phone page or the console arrives with the submission (in the body,
 * never a URL): the server keeps only its SHA-256, and hashes the submission for the ledger with
 * the token already replaced by that hash, so not even the ledger's hash is taken over the token.
 */
import { hashVerdictToken, parseVerdictToken } from '@hailong/domain';
import { ApiError } from '../http/errors.ts';

/** The hash to keep for `typed`; undefined without a token; 422 for what is not one. */
export async function intakeTokenHash(typed: string | undefined): Promise<string | undefined> {
  if (typed === undefined) return undefined;
  const token = parseVerdictToken(typed);
  if (token === null) {
    throw new ApiError(422, 'validation_failed', 'Mã xác nhận không hợp lệ.', [
      { path: 'verdictToken', message: 'not a verdict token' },
    ]);
  }
  return hashVerdictToken(token);
}
