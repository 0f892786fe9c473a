import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { HUMAN_CHECK_CHALLENGE_PATH } from './urls';

/**
 * Fetches the form's proof-of-work challenge and solves it in the background (ALTCHA, self-hosted). Nothing
 * is shown and nothing needs to be operated, so it is the same for every visitor and assistive technology.
 * Resolves to the value of the form's `altcha` field, or null when the check is off or could not run (the
 * server then explains; the typed data stays in the form). The chat asks its own path (`/api/chat/challenge`).
 */
export async function startHumanCheck(fetchImpl: typeof fetch = fetch, challengePath: string = HUMAN_CHECK_CHALLENGE_PATH): Promise<string | null> {
  try {
    const response = await fetchImpl(challengePath, { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { enabled?: boolean; challenge?: Challenge };
    if (!body.enabled || !body.challenge) return null;
    const solution = await solveChallenge({ challenge: body.challenge, deriveKey, timeout: 60_000 });
    if (!solution) return null;
    return btoa(JSON.stringify({ challenge: body.challenge, solution }));
  } catch {
    return null;
  }
}
