import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conflict } from '../../src/errors';
import { createServiceApp } from '../../src/http/app';
import { authenticate } from '../../src/http/auth';
import { idempotent } from '../../src/http/idempotency';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../src/db/client';
import { hashOf } from '../../src/ids';
import { caller, person } from '../../src/testing';

// Any service table will do: the middleware only needs the shared key shape.
let runs = 0;
const app = createServiceApp('probe', 'test app', 'LEDGER_TABLE');
app.use('/things', authenticate, idempotent);
app.post('/things', async (c) => {
  runs++;
  const body = z.object({ name: z.string() }).parse(await c.req.json());
  if (body.name === 'taken') throw conflict('NAME_TAKEN', 'taken');
  return c.json({ created: body.name, run: runs }, 201);
});

describe('idempotency keys', () => {
  const call = caller(app, person({ roles: ['volunteer'] }));

  it('requires the header, naming it', async () => {
    const res = await call('POST', '/things', { body: { name: 'a' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('Idempotency-Key');
  });

  it('runs a request once and replays the stored answer', async () => {
    const first = await call('POST', '/things', { body: { name: 'tea' }, idempotencyKey: 'k-replay' });
    const again = await call('POST', '/things', { body: { name: 'tea' }, idempotencyKey: 'k-replay' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('keeps a business failure failed on replay', async () => {
    const first = await call('POST', '/things', { body: { name: 'taken' }, idempotencyKey: 'k-fail' });
    const again = await call('POST', '/things', { body: { name: 'taken' }, idempotencyKey: 'k-fail' });
    expect(first.status).toBe(409);
    expect(again.body).toEqual(first.body);
  });

  it('refuses the same key with another body', async () => {
    await call('POST', '/things', { body: { name: 'one' }, idempotencyKey: 'k-reuse' });
    const res = await call('POST', '/things', { body: { name: 'two' }, idempotencyKey: 'k-reuse' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('scopes keys to the caller', async () => {
    const other = caller(app, person({ roles: ['volunteer'] }));
    const mine = await call('POST', '/things', { body: { name: 'x' }, idempotencyKey: 'k-shared' });
    const theirs = await other('POST', '/things', { body: { name: 'x' }, idempotencyKey: 'k-shared' });
    expect(theirs.body.run).not.toBe(mine.body.run);
  });
});

describe('a key whose first request never finished', () => {
  const who = person({ roles: ['volunteer'] });
  const call = caller(app, who);
  const body = { name: 'crash' };
  /** Leave a PENDING record as a request that died after taking the key would. */
  const plantLock = (key: string, lockedUntil: number) =>
    documentClient().send(new PutCommand({
      TableName: process.env.LEDGER_TABLE,
      Item: {
        pk: `IDEM#${who.userId}#${key}`, sk: 'IDEM', scope: `${who.userId}#${key}`, state: 'PENDING', lockedUntil,
        requestHash: hashOf({ method: 'POST', path: '/things', body: JSON.stringify(body) }), expiresAt: lockedUntil + 3600,
      },
    }));

  it('is refused while the first request may still be running', async () => {
    await plantLock('k-running', Math.floor(Date.now() / 1000) + 20);
    const res = await call('POST', '/things', { body, idempotencyKey: 'k-running' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REQUEST_IN_PROGRESS');
  });

  it('is taken over once the lock has lapsed, then replays like any other', async () => {
    await plantLock('k-stale', Math.floor(Date.now() / 1000) - 60);
    const res = await call('POST', '/things', { body, idempotencyKey: 'k-stale' });
    expect(res.status).toBe(201);
    const again = await call('POST', '/things', { body, idempotencyKey: 'k-stale' });
    expect(again.body).toEqual(res.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});
