import type Mail from 'nodemailer/lib/mailer';
import type { OutgoingMessage } from '../delivery-adapter';

/**
 * The e-mail for a notice, the same for SMTP and the sink: the deterministic Message-ID
 * (a receiving system or an operator can tell a resend), the HTML body with a plain-text
 * alternative, and the dispatch key in a header for support.
 */
export function emailOptions(from: string, message: OutgoingMessage): Mail.Options {
  return {
    from,
    to: message.recipientName
      ? { name: message.recipientName, address: message.recipient }
      : message.recipient,
    subject: message.title,
    messageId: message.messageId,
    html: message.html,
    text: message.text,
    // Base64 keeps Chinese text intact through any relay that rewraps long lines.
    textEncoding: 'base64',
    headers: { 'X-Qingshou-Dispatch': message.idempotencyKey },
  };
}
