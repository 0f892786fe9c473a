import type { Endpoint } from 'payload';

const WRITES = new Set(['POST', 'PATCH', 'PUT']);

/** `/forms/:name` → a pattern matching `/api/forms/<one segment>`. */
function endpointPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^/api${source}/?$`);
}

const refuse = (status: 400 | 415, message: string): Response =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * Payload's REST API reads a write's body only as JSON (`Content-Type: application/json` exactly) or multipart
 * (payload/dist/utilities/addDataAndFileToRequest.js); any other body left `req.data` unset and the operation
 * failed with a 500 (issue 15: `text/plain` to `POST /api/users`). This refuses such writes at the door: 415 for
 * a body of another type, 400 for a JSON body that is not an object or a broken multipart body. Our own endpoints read their bodies
 * themselves (forms, mail intake, beacons) and are left to their own checks. Returns null when the request may
 * go on.
 */
export function restBodyGuard(customEndpoints: readonly Endpoint[]): (request: Request) => Promise<Response | null> {
  const own = customEndpoints.map((endpoint) => ({ method: endpoint.method.toUpperCase(), pattern: endpointPattern(endpoint.path) }));
  return async (request) => {
    if (!WRITES.has(request.method.toUpperCase()) || request.body === null) return null;
    const pathname = new URL(request.url).pathname;
    if (own.some((endpoint) => endpoint.method === request.method.toUpperCase() && endpoint.pattern.test(pathname))) return null;
    const [type = ''] = (request.headers.get('content-type') ?? '').split(';', 1);
    if (type.includes('multipart/')) {
      // Payload reports a broken multipart body (no boundary, cut short) as a 500; read it once here instead.
      try {
        await request.clone().formData();
        return null;
      } catch {
        return refuse(400, 'Тело запроса multipart/form-data повреждено или неполно.');
      }
    }
    const override = request.headers.get('x-payload-http-method-override') ?? request.headers.get('x-http-method-override');
    if (type === 'application/x-www-form-urlencoded' && request.method.toUpperCase() === 'POST' && override === 'GET') return null;
    if (type !== 'application/json') {
      // A write with no body and no type (the admin's logout, token refresh) goes on; any other type is refused.
      if (type === '' && (await request.clone().text()).length === 0) return null;
      return refuse(415, 'Неподдерживаемый формат запроса: отправьте данные в формате JSON (application/json) или multipart/form-data.');
    }
    const text = await request.clone().text();
    if (text.length === 0) return null;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return refuse(400, 'Тело запроса — не корректный JSON.');
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return refuse(400, 'Тело запроса должно быть объектом JSON.');
    return null;
  };
}
