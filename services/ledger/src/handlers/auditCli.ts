/**
 * `tsx services/ledger/src/handlers/auditCli.ts` (`npm run ledger:audit`): audit the whole ledger table and print one line
 * per invariant; exits 1 when any fails. Defaults to the local stage's table on the local
 * DynamoDB (`npm start`); set LEDGER_TABLE and the AWS variables to audit another.
 */
const defaults: Record<string, string> = {
  LEDGER_TABLE: 'lianxin-local-ledger',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
};

const main = async () => {
  // Before the store is imported: its DynamoDB client reads the environment when created.
  for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
  const { runAudit } = await import('../app/audit/runAudit');
  const report = await runAudit();
  process.stdout.write(`Ledger audit of ${process.env.LEDGER_TABLE} at ${report.takenAt}\n`);
  for (const check of report.checks) {
    const note = check.needsDrainedProjector ? ' (needs a drained projector)' : '';
    process.stdout.write(`${check.ok ? '✓' : '✗'} ${check.name}${note}: ${check.details}\n`);
  }
  process.stdout.write(report.ok ? 'All checks pass.\n' : 'Some checks FAILED.\n');
  process.exitCode = report.ok ? 0 : 1;
};

main().catch((error) => {
  process.stderr.write(`audit failed: ${(error as Error).stack}\n`);
  process.exit(2);
});
