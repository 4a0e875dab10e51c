import { appendFile, mkdir } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { dirname } from 'node:path';

export interface DeadLetter { queue: string; at: string; body: unknown }

/**
 * Stands in for SQS as the consumers' dead-letter queues, on loopback only: the bus plugin
 * sends an event here once a consumer has failed every retry. Each dead letter is kept in
 * memory (for tests and `GET /`) and appended to a JSON-lines file for people.
 */
export const startDeadLetterSink = async (port: number, file: string) => {
  const letters: DeadLetter[] = [];
  await mkdir(dirname(file), { recursive: true });
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
