import { appendFile, readFile } from 'node:fs/promises';

/**
 * The dev message box: where the local stage's "SMS" go. On AWS, Cognito sends the codes
 * itself (through SNS, infra/resources/cognito.yml); locally the emulator hands each message
 * to this sender, which appends it to a JSON-lines file that `npm start` prints from and
 * the local-only `/auth/dev-messages` route serves to the portal's dev page.
 */
export interface DevMessage { at: string; phone: string; code: string; message: string }

interface EmulatorUser { Username: string }
interface EmulatorMessage { __code?: string; smsMessage?: string }

/**
 * A cognito-local message sender that writes to the box; e-mail is not used by Lianxin.
 * `template` is the user pool's SMS template (infra/resources/cognito.yml), as AWS sends it.
 */
export const devMessageBox = (file: string, template: string) => {
  const send = async (_user: EmulatorUser, destination: string, message: EmulatorMessage) => {
    const code = message.__code ?? '';
    const entry: DevMessage = {
      at: new Date().toISOString(),
      phone: destination,
      code,
      message: message.smsMessage ?? template.replace('{####}', code),
    };
    await appendFile(file, `${JSON.stringify(entry)}\n`);
  };
  return {
    sendSms: (_ctx: unknown, user: EmulatorUser, destination: string, message: EmulatorMessage) => send(user, destination, message),
    sendEmail: (_ctx: unknown, user: EmulatorUser, destination: string, message: EmulatorMessage) => send(user, destination, message),
  };
};

/** The box's messages, newest first (none yet: an empty box). */
export const readDevMessages = async (file: string): Promise<DevMessage[]> => {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as DevMessage)
    .reverse();
};

/** Calls `onMessage` for each message added to the box from now on (`npm start` prints them). */
export const watchMessages = (file: string, onMessage: (message: DevMessage) => void, intervalMs = 1000) => {
  let seen: number | undefined;
  const timer = setInterval(() => {
    void readDevMessages(file).then((all) => {
      if (seen !== undefined) for (const m of all.slice(0, all.length - seen).reverse()) onMessage(m);
      seen = all.length;
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};
