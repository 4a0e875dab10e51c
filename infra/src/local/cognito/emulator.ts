/**
 * The local stage's identity provider: cognito-local (an emulator of the Cognito user pool
 * API, from the npm registry), assembled here rather than through its CLI for three reasons:
 * its data directory is ours (`COGNITO_DATA_DIR`, kept between starts like DynamoDB Local's),
 * the SMS codes it "sends" go to the dev message box (a JSON-lines file the local-only
 * `/auth/dev-messages` route reads) instead of a console box, and the few calls the portal
 * makes that the emulator lacks for people who sign in by mobile number are added with
 * Cognito's meaning (./targets.ts).
 *
 * The pre-token-generation trigger is the people service's function, invoked through
 * serverless-offline's Lambda endpoint exactly as Cognito invokes it on AWS.
 * Run as a child process by the local stack (infra/src/local/stack.ts).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DateClock, LambdaService, MessagesService, TriggersService } from 'cognito-local/lib/services/index.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import { CryptoService } from 'cognito-local/lib/services/crypto.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { DefaultConfig } from 'cognito-local/lib/server/config.js';
import { devMessageBox } from './messageBox';
import { emulatorTargets } from './targets';

// The emulator's own logger and Lambda client (its dependencies, not ours): the server needs
// a pino logger, and triggers are invoked with the AWS SDK v2 Lambda client it was built on.
const fromEmulator = createRequire(createRequire(import.meta.url).resolve('cognito-local'));
const { pino } = fromEmulator('pino') as typeof import('pino');
const AWS = fromEmulator('aws-sdk') as { Lambda: new (options: unknown) => unknown };

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const port = Number(required('COGNITO_PORT'));
const dataDir = required('COGNITO_DATA_DIR');
const host = '127.0.0.1';

const main = async () => {
  const logger = pino({ level: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn' });
  const ctx = { logger };
  const dbDir = join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const config = {
    ...DefaultConfig,
    LambdaClient: { ...DefaultConfig.LambdaClient, endpoint: required('COGNITO_LAMBDA_ENDPOINT') },
    TriggerFunctions: { PreTokenGeneration: required('COGNITO_TOKEN_TRIGGER') },
    UserPoolDefaults: {},
    TokenConfig: { IssuerDomain: `http://${host}:${port}` },
    ServerConfig: { port, hostname: host, development: false, https: false },
  };
  const clock = new DateClock();
  const stores = new StormDBDataStoreFactory(dbDir);
  const cognito = await new CognitoServiceFactoryImpl(dbDir, stores, new UserPoolServiceFactoryImpl(clock, stores)).create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(clock, cognito, new LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient) as never), new CryptoService(config.KMSConfig));
  const box = devMessageBox(required('DEV_MESSAGE_BOX_FILE'), required('COGNITO_SMS_TEMPLATE'));
  const services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(box)),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  const standard = Router(services as never);
  const extra = emulatorTargets(services as never);
  const router = (target: string) => extra[target] ?? standard(target);
  await createServer(router as never, logger, config.ServerConfig, services as never).start();
  process.stdout.write(`cognito emulator listening on http://${host}:${port}\n`);
};

main().catch((error) => {
  process.stderr.write(`cognito emulator failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
