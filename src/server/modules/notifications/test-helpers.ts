import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { hanoiDate, type Clock } from '../../lib/clock.js';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

const decodeWords = (s: string) =>
  s.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
function decodeQp(s: string) {
  const bytes: number[] = [];
  const flat = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === '=' && /^[0-9A-F]{2}$/i.test(flat.slice(i + 1, i + 3))) {
      bytes.push(parseInt(flat.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
/** The decoded body of the part of this content type in a MIME message (nodemailer's multipart/alternative). */
function part(raw: string, type: string) {
  const m = new RegExp(
    `Content-Type: ${type}[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*?Content-Transfer-Encoding: ([\\w-]+)\\r?\\n\\r?\\n([\\s\\S]*?)(?:\\r?\\n--|$)`,
    'i',
  ).exec(raw);
  if (!m) return '';
  return m[1].toLowerCase() === 'base64' ? Buffer.from(m[2], 'base64').toString('utf8') : decodeQp(m[2]);
}

/**
 * A real SMTP server in the test's process (the `smtp-server` package): what it accepts is parsed into `mails`.
 * A recipient whose address starts with "reject" is refused (550), as a mail server refusing a mailbox would.
 */
export async function startSmtpSink() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('reject'))
        cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(/^Subject: (.*)$/im.exec(header)?.[1] ?? ''),
          text: part(raw, 'text/plain'),
          html: part(raw, 'text/html'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    mails,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A clock the test moves. */
export function movableClock(iso: string): Clock & { set(iso: string): void; add(ms: number): void } {
  let at = new Date(iso);
  return {
    now: () => new Date(at),
    today: () => hanoiDate(at),
    set: (s) => (at = new Date(s)),
    add: (ms) => (at = new Date(at.getTime() + ms)),
  };
}
