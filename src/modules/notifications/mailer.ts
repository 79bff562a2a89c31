/** E-mail over SMTP (`SMTP_URL`); without it the mailer is disabled and reminders stay in-app. */
import type { Transporter } from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  isEnabled: boolean;
  send(message: MailMessage): Promise<void>;
}

export function createMailer(smtp: { url: string | undefined; from: string }): Mailer {
  if (!smtp.url) {
    return {
      isEnabled: false,
      async send() {
        throw new Error("SMTP is not configured");
      },
    };
  }
  const url = smtp.url;
  // nodemailer (~15 MB) is loaded with the first message, not at start-up.
  let transport: Promise<Transporter> | undefined;
  const connect = async () => (await import("nodemailer")).default.createTransport(url);
  return {
    isEnabled: true,
    async send(message) {
      transport ??= connect();
      await (await transport).sendMail({
        from: smtp.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
