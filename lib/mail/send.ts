import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "@/lib/config";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Pre-built MIME (e.g. an encrypted S/MIME or PGP/MIME body); replaces text/html. */
  raw?: string | Buffer;
};

export type SentMail = { messageId: string; response: string };

const g = globalThis as unknown as { __portalMailTransport?: Transporter };

function transport(): Transporter {
  if (!g.__portalMailTransport) {
    const c = getConfig();
    // A small connection pool: bulk sends (invitations, case-number lists) reuse connections.
    const url = new URL(c.smtpUrl);
    if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
    if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "4");
    g.__portalMailTransport = nodemailer.createTransport(url.toString(), { from: c.mailFrom });
  }
  return g.__portalMailTransport;
}

/** Every e-mail the portal sends goes through here (SMTP settings from SMTP_URL). */
export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const from = getConfig().mailFrom;
  const info = mail.raw
    ? await transport().sendMail({
        envelope: { from: addressOf(from), to: [mail.to] },
        raw: mail.raw,
      })
    : await transport().sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
  return { messageId: info.messageId, response: info.response };
}

/** Shutdown: ends the pooled SMTP connections (QUIT), so neither this process nor its peer waits on them. */
export function closeMailTransport(): void {
  g.__portalMailTransport?.close();
  g.__portalMailTransport = undefined;
}

function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return m?.[1] ?? from;
}
