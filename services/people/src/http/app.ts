import { type Clock, systemClock } from '@lianxin/shared/clock';
import { createServiceApp } from '@lianxin/shared/http/app';
import type { IdentityProvider } from '../app/identity';
import { cognitoIdentity } from '../identity/cognito';
import { adminLogRoutes } from './routes/adminLog';
import { closureRoutes } from './routes/closure';
import { directoryRoutes } from './routes/directory';
import { dualRegistrationRoutes } from './routes/dualRegistrations';
import { grantRoutes } from './routes/grants';
import { meRoutes } from './routes/me';

/**
 * The people API. Tests pass a clock to stand at another time, and an identity provider in
 * place of Cognito (the one port to the outside: closing an account deletes the login).
 */
export const createApp = (clock: Clock = systemClock, identity: IdentityProvider = cognitoIdentity()) => {
  const app = createServiceApp('people', 'People: the directory, profiles and consent, granted roles, 双报到 and account closure.', 'PEOPLE_TABLE');
  directoryRoutes(app);
  meRoutes(app, clock);
  closureRoutes(app, clock, identity);
  dualRegistrationRoutes(app, clock);
  grantRoutes(app, clock);
  adminLogRoutes(app);
  return app;
};
