import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Action, POLICY, authorize, permits } from '@lianxin/shared/auth/policy';
import type { Role, ScopeKind } from '@lianxin/shared/auth/principal';
import { ALL_ROLES } from '@lianxin/shared/auth/rule';
import type { ServiceApp } from '@lianxin/shared/http/app';
import { person, testToken } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { SERVICE_APPS, serviceDocuments } from '../../src/openapi/documents';
import { type MatrixRow, routeMatrix } from '../../src/openapi/matrix';

/**
 * The route × role × scope matrix, generated from the routing table: every route of every
 * service is called in-process, through its real app on DynamoDB Local, as a person holding
 * each role alone. The rows come from the same code that prints docs/policy-matrix.md.
 */
const SERVICES_DIR = join(import.meta.dirname, '..', '..', '..', 'services');
const { rows, publicRoutes, problems } = routeMatrix(serviceDocuments());
const apps: Record<string, ServiceApp> = Object.fromEntries(Object.entries(SERVICE_APPS).map(([name, create]) => [name, create() as never]));

/** An id longer than any schema allows: a refusal before validation cannot depend on it. */
const BAD_ID = 'x'.repeat(300);
const pathOf = (row: MatrixRow) => row.path.replace(/\{[^}]+\}/g, BAD_ID);

/** The policy's own role refusal for an action, to tell it from any later 403 (scope, domain). */
const roleRefusal = (action: Action): string => {
  try {
    authorize(person({ roles: [] }), action);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${action} lets a person without roles act`);
};

/** Calls the route as a person with only `role`, with a malformed body on writes; some answers are not JSON (iCal). */
const callAs = async (row: MatrixRow, role: Role) => {
  const headers = { authorization: `Bearer ${await testToken(person({ roles: [role] }))}`, 'content-type': 'application/json' };
  const res = await apps[row.service]!.request(pathOf(row), { method: row.method.toUpperCase(), headers, ...(row.method === 'get' ? {} : { body: '{"not json' }) });
  const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { error?: { message?: string } }) : undefined;
  return { status: res.status, message: body?.error?.message };
};

describe('the routing table and the policy', () => {
  it('covers every service that serves HTTP', () => {
    const serving = readdirSync(SERVICES_DIR).filter((name) => existsSync(join(SERVICES_DIR, name, 'src', 'http', 'app.ts')));
    expect(Object.keys(SERVICE_APPS).sort()).toEqual(serving.sort());
  });

  it('gives every route a policy action the policy knows', () => {
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(publicRoutes.map((r) => [r.path, r] as const))('answers %s the same whether the caller signed in or not', async (path, r) => {
    // A capability in the path (a feed token) is made up here: unknown, so 404 for everyone.
    const url = path.replace(/\{[^}]+\}/g, 'unknown-capability');
    const anonymous = await apps[r.service]!.request(url);
    expect(anonymous.status).toBe(url === path ? 200 : 404);
    const signedIn = await apps[r.service]!.request(url, { headers: { authorization: `Bearer ${await testToken(person({ roles: ['volunteer'] }))}` } });
    expect(signedIn.status).toBe(anonymous.status);
    expect(await signedIn.text()).toEqual(await anonymous.text());
  });
});

describe.each(rows.map((row) => [`${row.method.toUpperCase()} ${row.path}`, row] as const))('%s', (_name, row) => {
  it(`refuses the roles ${row.action} does not allow with 403 before validation, and only those`, async () => {
    const refusal = roleRefusal(row.action);
    for (const role of ALL_ROLES) {
      const res = await callAs(row, role);
      const refusedForRole = res.status === 403 && res.message === refusal;
      expect({ role, status: res.status, refusedForRole }).toEqual({ role, status: row.grants[role] === 'denied' ? 403 : res.status, refusedForRole: row.grants[role] === 'denied' });
      expect(res.status, `${role} was not authenticated`).not.toBe(401);
    }
  });

  const { scope } = POLICY[row.action] as { scope?: ScopeKind };
  if (!scope) return;
  it(`holds ${row.action}'s roles to the resource's ${scope}`, () => {
    const resource = { [scope]: 'matrix-in' };
    const outside = { [scope]: 'matrix-out' };
    for (const role of ALL_ROLES) {
      const holder = person({ roles: [role], scopes: [`${scope}:matrix-in`] });
      const grant = row.grants[role];
      expect({ role, inScope: permits(holder, row.action, resource), outOfScope: permits(holder, row.action, outside) }).toEqual({
        role,
        inScope: grant !== 'denied',
        outOfScope: grant === 'anywhere',
      });
    }
  });
});
