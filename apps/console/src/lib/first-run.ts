import { loadApi } from './api-loader.ts';

/**
 * First run without demo data: an admin who signs in while the catalogue is still empty is taken
 * to the set-up page. Asked once per signed-in user, so the admin may still open the overview.
 */
let askedFor: string | null = null;

export async function needsSetup(userId: string): Promise<boolean> {
  if (askedFor === userId) return false;
  askedFor = userId;
  try {
    return (await (await loadApi()).api.setup.status()).needsSetup;
  } catch {
    return false; // the page the user asked for shows its own error
  }
}
