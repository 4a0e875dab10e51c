import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { dirname } from 'node:path';

export interface DeadLetter { queue: string; at: string; body: unknown }

/** One line of the file; a line torn by a kill in the middle of an append is skipped. */
const parseLetter = (line: string): DeadLetter[] => {
  try {
    return line.trim() ? [JSON.parse(line) as DeadLetter] : [];
  } catch {
    return [];
  }
};

/**
 * Stands in for SQS as the consumers' dead-letter queues, on loopback only: the bus plugin
 * sends an event here once a consumer has failed every retry. Each dead letter is appended
 * to a JSON-lines file (for people, and kept across restarts) and listed by `GET /`, with
 * the letters an earlier run left in the file.
 */
export const startDeadLetterSink = async (port: number, file: string) => {
  await mkdir(dirname(file), { recursive: true });
  const kept = await readFile(file, 'utf8').catch(() => '');
  const letters: DeadLetter[] = kept.split('\n').flatMap(parseLetter);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: letters }));
      return;
    }
    // AWS JSON 1.0 protocol (current SDKs): the action is in X-Amz-Target.
    const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
    const input = raw ? (JSON.parse(raw) as Record<string, string>) : {};
    res.setHeader('content-type', 'application/x-amz-json-1.0');
    if (action === 'GetQueueUrl') {
      res.end(JSON.stringify({ QueueUrl: `http://127.0.0.1:${port}/000000000000/${input.QueueName}` }));
      return;
    }
    if (action === 'SendMessage') {
      const letter = { queue: String(input.QueueUrl).split('/').pop() ?? '', at: new Date().toISOString(), body: JSON.parse(input.MessageBody ?? 'null') };
      letters.push(letter);
      await appendFile(file, `${JSON.stringify(letter)}\n`);
      res.end(JSON.stringify({ MessageId: String(letters.length), MD5OfMessageBody: '' }));
      return;
    }
    res.writeHead(400).end(JSON.stringify({ __type: 'UnsupportedOperation', message: `${action} is not emulated` }));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return { letters, close: () => new Promise<void>((r) => server.close(() => r())) };
};
