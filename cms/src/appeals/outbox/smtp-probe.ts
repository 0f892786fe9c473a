import net from 'node:net';
import tls from 'node:tls';

/** The outcome of {@link probeSmtp}: reachable, or why not (host and port only, never the URL's credentials). */
export type SmtpProbe = { ok: true } | { ok: false; reason: string };

/**
 * Whether the SMTP server of `smtpUrl` answers: a TCP (for `smtps:` a TLS) connection, and a `220` greeting within
 * `timeoutMs`; then QUIT. Nothing is sent and no login is tried, so a probe every few seconds costs the relay
 * nothing. Ports as nodemailer picks them: the URL's, else 465 for smtps and 587 for smtp.
 */
export function probeSmtp(smtpUrl: string, timeoutMs = 2000): Promise<SmtpProbe> {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return Promise.resolve({ ok: false, reason: 'SMTP_URL is not a URL' });
  }
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const where = `${host}:${port}`;
  return new Promise((resolve) => {
    const socket = secure ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port });
    let settled = false;
    let received = '';
    const finish = (result: SmtpProbe) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (result.ok) socket.end('QUIT\r\n');
      else socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `no SMTP greeting from ${where} within ${timeoutMs} ms` }), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (!received.includes('\n')) return;
      finish(received.startsWith('220') ? { ok: true } : { ok: false, reason: `${where} answered «${received.slice(0, 3)}» instead of the 220 greeting` });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: `${where} not reachable (${error.code ?? error.name})` }));
    socket.on('close', () => finish({ ok: false, reason: `${where} closed the connection before greeting` }));
  });
}
