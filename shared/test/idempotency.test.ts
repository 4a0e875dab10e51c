import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serviceTable } from '../src/db/table';
import { conflict } from '../src/errors';
import { createServiceApp } from '../src/http/app';
import { authenticate } from '../src/http/auth';
import { idempotent } from '../src/http/idempotency';
import { caller, person } from '../src/testing';

// Any service table will do: the middleware only needs the shared key shape.
const table = serviceTable('LEDGER_TABLE');
let runs = 0;
const app = createServiceApp('probe', 'test app');
app.use('/things', authenticate, idempotent(table));
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
