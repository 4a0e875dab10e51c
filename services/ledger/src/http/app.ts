import { type Clock, systemClock } from '@lianxin/shared/clock';
import { createServiceApp } from '@lianxin/shared/http/app';
import { registerAccounts } from './routes/accounts';
import { registerAdminLog } from './routes/adminLog';
import { registerAdjustments } from './routes/adjustments';
import { registerAudit } from './routes/audit';
import { registerPoints } from './routes/points';
import { registerPolicy } from './routes/policy';
import { registerTransparency } from './routes/transparency';

/** The ledger's HTTP app; tests pass their own clock to reach expiries and Beijing days. */
export const createApp = (clock: Clock = systemClock) => {
  const app = createServiceApp('ledger', 'Points accounts, transfers, holds and statements.', 'LEDGER_TABLE');
  registerAudit(app);
  registerAdminLog(app);
  registerPoints(app, clock);
  registerAccounts(app, clock);
  registerAdjustments(app, clock);
  registerPolicy(app, clock);
  registerTransparency(app, clock);
  return app;
};
