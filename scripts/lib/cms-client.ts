/** A staff session against the CMS REST API (Payload), for benchmarks and journeys that act as an editor. */
export interface CmsClient {
  /** The session token (also valid as the admin's `payload-token` cookie). */
  token: string;
  /** Sends a JSON request with the staff token; throws with the answer's text unless it is 2xx. */
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Logs a staff user in (POST /api/users/login) and returns a client carrying the token. */
export async function loginToCms(cmsUrl: string, email: string, password: string): Promise<CmsClient> {
  const response = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`CMS login as ${email} answered ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return {
    token,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${cmsUrl}${path}`, {
        method,
        headers: { Authorization: `JWT ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${(await answer.text()).slice(0, 500)}`);
      return (await answer.json()) as T;
    },
  };
}

/** A Lexical rich-text value holding one paragraph, as the CMS stores answers. */
export function richTextParagraph(text: string) {
  return {
    root: {
      type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
      children: [
        {
          type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
          children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
        },
      ],
    },
  };
}
