import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { localAuthEnv, localAwsEnv } from '../../src/local/env';

/**
 * The CloudFormation each stage would deploy, from `osls package`: the AWS stages carry the
 * Cognito user pool with the people service's token trigger and an authorizer on every route
 * but /health, and no trace of the local stage's dev-only routes; only the local stage has them.
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
  const localEnv = { ...localAwsEnv(), ...localAuthEnv(9229, { userPoolId: 'local_example', clientId: 'example' }), ID_CARD_HASH_KEY: 'example', DEV_MESSAGE_BOX_FILE: 'messages.jsonl' };
  const env = { ...process.env, ...(stage === 'local' ? localEnv : {}), ESBUILD_WORK_FOLDER: join(dir, 'esbuild') };
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
  it('has no dev-only routes, demo password or message box', () => {
    const { template, text } = templates[stage];
    expect(Object.keys(template.Resources).filter((id) => /devidentity/i.test(id))).toEqual([]);
    expect(routes(template).filter((r) => r.RouteKey.includes('/auth/'))).toEqual([]);
    expect(text).not.toMatch(/dev-login|dev-users|dev-messages|DEV_MESSAGE_BOX|DEV_IDENTITY|DEV_JWT_SECRET|Lianxin2026|\.local\//);
  });

  it("has Cognito run the people service's token trigger, and keeps the ID card key in Secrets Manager", () => {
    const { Resources } = templates[stage].template;
    expect(JSON.stringify(Resources.UserPool?.Properties.LambdaConfig.PreTokenGeneration)).toContain(`lianxin-${stage}-peopleTokenClaims`);
    expect(Resources.PeopleTokenClaimsLambdaFunction).toBeDefined();
    expect(Resources.TokenClaimsPermission?.Properties).toMatchObject({ Principal: 'cognito-idp.amazonaws.com' });
    expect(Resources.IdCardHashKey?.Type).toBe('AWS::SecretsManager::Secret');
    const people = functionEnvs(templates[stage].template).filter((env) => env.ID_CARD_HASH_KEY);
    expect(people.length).toBeGreaterThan(0);
    for (const env of people) expect(JSON.stringify(env.ID_CARD_HASH_KEY)).toContain('resolve:secretsmanager');
  });

  it('puts the Cognito authorizer on every route but GET /health, the public figures and calendar feeds', () => {
    const all = routes(templates[stage].template);
    expect(all.length).toBeGreaterThan(40);
    for (const route of all) {
      if (['GET /health', 'GET /public/transparency', 'GET /feeds/{token}/schedule.ics'].includes(route.RouteKey)) expect(route.AuthorizationType).toBeUndefined();
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

  it('signs people up by mobile number confirmed by SMS, with no groups or custom attributes to carry roles', () => {
    const { Resources } = templates[stage].template;
    expect(Resources.UserPool?.Properties).toMatchObject({ UsernameAttributes: ['phone_number'], AutoVerifiedAttributes: ['phone_number'] });
    const client = Resources.PortalClient!.Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
    expect(client.WriteAttributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
    expect(ofType(templates[stage].template, 'AWS::Cognito::UserPoolGroup')).toEqual([]);
    expect(Resources.UserPool!.Properties.Schema.filter((a: { Name: string }) => a.Name !== 'name')).toEqual([]);
  });
});

describe('the local template', () => {
  it('has the dev-only routes and no user pool (the emulator is the pool)', () => {
    const { template } = templates.local;
    expect(template.Resources.DevIdentityLambdaFunction).toBeDefined();
    expect(routes(template).map((r) => r.RouteKey)).toEqual(expect.arrayContaining(['GET /auth/dev-users', 'GET /auth/dev-messages']));
    expect(template.Resources.UserPool?.Condition).toBe('UseCognito');
    for (const env of functionEnvs(template)) expect(env.AUTH_MODE).toBe('local');
  });

  it('keeps production people from a mistaken stack deletion only in prod', () => {
    expect(templates.prod.template.Resources.UserPool?.Properties.DeletionProtection).toBe('ACTIVE');
    expect(templates.dev.template.Resources.UserPool?.Properties.DeletionProtection).toBe('INACTIVE');
  });
});
