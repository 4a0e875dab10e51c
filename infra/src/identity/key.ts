import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type SigningKey, newSigningKey } from '@lianxin/shared/auth/token';

/**
 * The dev identity provider's RS256 key pair, generated on first use into the file
 * DEV_IDENTITY_KEY_FILE names (under .local/, one per API port) and read from it after.
 * Nothing about the key is in the code. Several local Lambda workers may start at once: the
 * new key is written aside and hard-linked into place, which fails if another worker won, so
 * every worker ends up signing with the one key the JWKS serves.
 */
let cached: { file: string; key: SigningKey } | undefined;

const loadOrCreate = (file: string): SigningKey => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const aside = `${file}.${randomUUID()}.tmp`;
  writeFileSync(aside, JSON.stringify(newSigningKey()), { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(aside);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
};

/** The key of the issuer this process serves, or of a running local stack's (tools that mint). */
export const devIdentityKey = (file = process.env.DEV_IDENTITY_KEY_FILE): SigningKey => {
  if (!file) throw new Error('DEV_IDENTITY_KEY_FILE is unset: the dev identity provider has no key file');
  if (cached?.file !== file) cached = { file, key: loadOrCreate(file) };
  return cached.key;
};
