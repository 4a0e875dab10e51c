/**
 * The identity settings the portal is built with, read here and nowhere else:
 * - VITE_COGNITO_REGION, VITE_COGNITO_CLIENT_ID: the user pool's region and the portal's app client;
 * - VITE_COGNITO_ENDPOINT: locally `/cognito` (the Vite server forwards it to the emulator);
 *   unset on AWS, where the SDK uses the region's own endpoint;
 * - VITE_STAGE: `local` shows the dev-only helpers (demo people, the SMS dev box).
 */
const env = import.meta.env;

const text = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

/** A relative endpoint (`/cognito`) is on the portal's own origin; the SDK needs it absolute. */
const absolute = (endpoint: string | undefined): string | undefined =>
  endpoint ? new URL(endpoint, window.location.origin).href.replace(/\/$/, '') : undefined;

interface AuthConfig {
  region: string;
  clientId: string;
  endpoint?: string;
}

const region = text(env.VITE_COGNITO_REGION);
const clientId = text(env.VITE_COGNITO_CLIENT_ID);
const endpoint = absolute(text(env.VITE_COGNITO_ENDPOINT));

/** The identity settings, or null when the build lacks them (the login page then says so). */
export const authConfig: AuthConfig | null = region && clientId ? { region, clientId, ...(endpoint ? { endpoint } : {}) } : null;

/** The names of the missing settings, for the login page's configuration notice. */
export const missingAuthSettings: string[] = [
  ...(region ? [] : ['VITE_COGNITO_REGION']),
  ...(clientId ? [] : ['VITE_COGNITO_CLIENT_ID']),
];

/** The local stage: demo people with the printed password and the SMS dev box are shown. */
export const isLocalStage = text(env.VITE_STAGE) === 'local';
