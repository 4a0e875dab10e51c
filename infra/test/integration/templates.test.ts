import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { localAwsEnv } from '../../src/local/env';

/**
 * The CloudFormation each stage would deploy, from `osls package`: the AWS stages carry the
 * Cognito user pool and an authorizer on every route but /health, and no trace of the dev
 * identity provider; only the local stage has it.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const STAGES = ['dev', 'prod', 'local'] as const;
type Stage = (typeof STAGES)[number];
interface Resource { Type: string; Properties: Record<string, any>; Condition?: string }
interface Template { Resources: Record<string, Resource> }

const templates = {} as Record<Stage, { template: Template; text: string }>;

const packageStage = async (stage: Stage) => {
  const dir = mkdtempSync(join(tmpdir(), `lianxin-package-${stage}-`));
  // The local stage takes its issuer from the environment `npm start` gives it.
  const env = { ...process.env, ...(stage === 'local' ? localAwsEnv() : {}), ESBUILD_WORK_FOLDER: join(dir, 'esbuild') };
  await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'osls'), ['package', '--stage', stage, '--package', join(dir, 'out')], { cwd: ROOT, env });
  const text = readFileSync(join(dir, 'out', 'cloudformation-template-update-stack.json'), 'utf8');
  templates[stage] = { template: JSON.parse(text) as Template, text };
};

beforeAll(async () => {
  // One after another: each bundles every function with esbuild.
  for (const stage of STAGES) await packageStage(stage);
}, 300_000);

const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);
const routes = (t: Template) => ofType(t, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
const functionEnvs = (t: Template) => ofType(t, 'AWS::Lambda::Function').map(([, r]) => r.Properties.Environment?.Variables ?? {});

describe.each(['dev', 'prod'] as const)('the %s template', (stage) => {
  it('has no dev identity provider, dev login or dev key', () => {
    const { template, text } = templates[stage];
    expect(Object.keys(template.Resources).filter((id) => /devidentity/i.test(id))).toEqual([]);
    expect(routes(template).filter((r) => r.RouteKey.includes('/auth/'))).toEqual([]);
    expect(text).not.toMatch(/dev-login|DEV_IDENTITY|DEV_JWT_SECRET|\.local\//);
  });

  it('puts the Cognito authorizer on every route but GET /health', () => {
    const all = routes(templates[stage].template);
    expect(all.length).toBeGreaterThan(40);
    for (const route of all) {
      if (route.RouteKey === 'GET /health') expect(route.AuthorizationType).toBeUndefined();
      else expect({ route: route.RouteKey, type: route.AuthorizationType, id: route.AuthorizerId }).toEqual({ route: route.RouteKey, type: 'JWT', id: { Ref: 'HttpApiAuthorizerIdToken' } });
    }
    const [[, authorizer]] = ofType(templates[stage].template, 'AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    expect(authorizer.Properties.JwtConfiguration.Audience).toEqual([{ Ref: 'PortalClient' }]);
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('"Ref":"UserPool"');
  });

  it('tells every function to trust the user pool and nothing else', () => {
    for (const env of functionEnvs(templates[stage].template)) {
      expect(env.AUTH_MODE).toBe('cognito');
      expect(JSON.stringify(env.AUTH_ISSUER)).toContain('"Ref":"UserPool"');
      expect(JSON.stringify(env.AUTH_JWKS_URI)).toContain('/.well-known/jwks.json');
      expect(env.AUTH_CLIENT_ID).toEqual({ Ref: 'PortalClient' });
    }
  });

  it('signs people up by mobile number confirmed by SMS, and the portal cannot write roles', () => {
    const { Resources } = templates[stage].template;
    expect(Resources.UserPool?.Properties).toMatchObject({ UsernameAttributes: ['phone_number'], AutoVerifiedAttributes: ['phone_number'] });
    const client = Resources.PortalClient!.Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
    expect(client.WriteAttributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
  });
});

describe('the local template', () => {
  it('has the dev identity provider, its JWKS, and no user pool', () => {
    const { template } = templates.local;
    expect(template.Resources.DevIdentityLambdaFunction).toBeDefined();
    expect(routes(template).map((r) => r.RouteKey)).toEqual(expect.arrayContaining(['POST /auth/dev-login', 'GET /auth/dev-users', 'GET /auth/.well-known/jwks.json']));
    expect(template.Resources.UserPool?.Condition).toBe('UseCognito');
    for (const env of functionEnvs(template)) expect(env.AUTH_MODE).toBe('local');
  });

  it('keeps production people from a mistaken stack deletion only in prod', () => {
    expect(templates.prod.template.Resources.UserPool?.Properties.DeletionProtection).toBe('ACTIVE');
    expect(templates.dev.template.Resources.UserPool?.Properties.DeletionProtection).toBe('INACTIVE');
  });
});
