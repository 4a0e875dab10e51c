import { inject } from 'vitest';

// Every test file sees the local AWS environment the global setup created.
Object.assign(process.env, inject('awsEnv'));
