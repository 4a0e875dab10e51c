/// <reference types="vite/client" />

/** The portal's build-time settings (src/auth/config.ts reads them, nothing else does). */
interface ImportMetaEnv {
  readonly VITE_COGNITO_REGION?: string;
  readonly VITE_COGNITO_CLIENT_ID?: string;
  readonly VITE_COGNITO_ENDPOINT?: string;
  readonly VITE_STAGE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
