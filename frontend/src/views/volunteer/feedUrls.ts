/**
 * The URLs a calendar app subscribes to: the feed's `path` on the API, under the portal's API
 * base (`API_BASE`: `/api` on the portal's own origin while the API sits behind it, the API's
 * own origin where it does not), and the same as `webcal://`, which phones open in their
 * calendar app. A calendar app needs no sign-in for it.
 */
export const feedUrls = (path: string, origin: string, base: string): { https: string; webcal: string } => {
  const https = new URL(`${base.replace(/\/$/, '')}${path}`, origin).href;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
};
