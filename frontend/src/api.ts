/**
 * The portal's HTTP client for the Lianxin API (docs/api.md). Every call goes to `/api/...`,
 * which the Vite server forwards to the local API with the prefix removed.
 */

// ---- Contract types -------------------------------------------------------------------

export type Role = 'volunteer' | 'organizer' | 'merchant' | 'admin';

export interface User {
  userId: string;
  name: string;
  roles: Role[];
  tags: string[];
  scopes: string[];
  gridId?: string;
  title?: string;
  titleEn?: string;
}

export interface DevUser extends User {
  title: string;
  titleEn: string;
}

export interface Shift {
  shiftId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmed: number;
  remaining: number;
}

export type Audience = 'everyone' | 'league_member' | 'party_member';

export interface Activity {
  activityId: string;
  orgId: string;
  title: string;
  description: string;
  category: string;
  gridId: string;
  communityId: string;
  streetId: string;
  address: string;
  location: { lat: number; lng: number };
  pointsPerHour: number;
  audience: Audience;
  skills: string[];
  status: string;
  shifts: Shift[];
  createdBy: string;
  createdAt: string;
}

export interface Claim {
  claimId: string;
  activityId: string;
  shiftId: string;
  volunteerId: string;
  status: string;
  activityTitle: string;
  startsAt: string;
  endsAt: string;
  createdAt: string;
}

export type HourStatus = 'checked_in' | 'checked_out' | 'verified' | 'rejected';

export interface HourLog {
  hourLogId: string;
  shiftId: string;
  activityId: string;
  activityTitle: string;
  orgId: string;
  volunteerId: string;
  volunteerName: string;
  status: HourStatus;
  checkInAt: string;
  checkOutAt?: string;
  minutes?: number;
  points?: number;
  pointsPerHour: number;
  note?: string;
  reason?: string;
  verifiedBy?: string;
}

export interface CheckinCode {
  code: string;
  shiftId: string;
  expiresAt: string;
}

export interface Balance {
  accountId: string;
  available: number;
  held: number;
  posted: number;
  lifetimeEarned: number;
  /** Available points whose lot expires within 30 days, and when the first of them does. */
  expiringSoon: number;
  nextExpiry?: string;
}

export interface Transaction {
  seq: number;
  transferId: string;
  kind: string;
  amount: number;
  balanceAfter: number;
  at: string;
  memo?: string;
}

export interface Reward {
  rewardId: string;
  merchantId: string;
  merchantName: string;
  title: string;
  titleEn: string;
  points: number;
  stock: number;
}

export type RedemptionStatus = 'pending' | 'held' | 'confirmed' | 'completed' | 'failed' | 'expired';

export interface Redemption {
  redemptionId: string;
  rewardId: string;
  rewardTitle: string;
  merchantId: string;
  merchantName: string;
  volunteerId: string;
  points: number;
  status: RedemptionStatus;
  code?: string;
  expiresAt?: string;
  failureReason?: string;
  createdAt: string;
  updatedAt: string;
}

export type CallAnswer = 'accept' | 'decline';

/** An emergency call (平急结合) with its live headcount. */
export interface EmergencyCall {
  callId: string;
  orgId: string;
  title: string;
  description: string;
  gridIds: string[];
  targetHeadcount: number;
  musterPoint: { address: string; lat: number; lng: number };
  level: 'grids' | 'community' | 'street';
  accepted: number;
  declined: number;
  status: 'open';
  issuedBy: string;
  issuedAt: string;
  headcount: { accepted: number; declined: number; target: number };
}

export type WishStatus = 'pending_review' | 'open' | 'rejected' | 'claimed' | 'fulfilled' | 'confirmed';

/** A micro-wish (微心愿); contacts come masked unless the caller posted, claimed or vets it. */
export interface Wish {
  wishId: string;
  title: string;
  description: string;
  gridId: string;
  communityId: string;
  address: string;
  wantedBy?: string;
  contactName: string;
  contactPhone: string;
  status: WishStatus;
  postedBy: string;
  postedAt: string;
  rejectReason?: string;
  claimedBy?: string;
  onBehalfOf?: string;
  fulfilNote?: string;
  minutes?: number;
}

export interface NewWish {
  title: string;
  description: string;
  gridId: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

export interface List<T> {
  items: T[];
  cursor?: string;
}

// ---- Errors ---------------------------------------------------------------------------

/** The one error format: `{ error: { code, message, fields? } }`, plus client-side codes. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Network failures, 5xx and "still running" are worth retrying with the same key. */
const retryable = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.code === 'REQUEST_IN_PROGRESS');

// ---- Session --------------------------------------------------------------------------

const TOKEN_KEY = 'lianxin.token';
const USER_KEY = 'lianxin.user';

export interface Session {
  token: string;
  user: User;
}

export const loadSession = (): Session | null => {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const user = localStorage.getItem(USER_KEY);
    if (!token || !user) return null;
    return { token, user: JSON.parse(user) as User };
  } catch {
    return null;
  }
};

export const saveSession = (session: Session): void => {
  localStorage.setItem(TOKEN_KEY, session.token);
  localStorage.setItem(USER_KEY, JSON.stringify(session.user));
};

export const clearSession = (): void => {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
};

let onUnauthorized: (() => void) | null = null;
/** The app learns here that the token was refused (expired or invalid), to sign out. */
export const setUnauthorizedHandler = (handler: (() => void) | null): void => {
  onUnauthorized = handler;
};

// ---- Idempotency keys -----------------------------------------------------------------

/** crypto.randomUUID needs a secure context; a phone on the LAN address may not have one. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * One key per user action. An action is identified by what it sends (method, path, body):
 * while it has no definitive answer (network failure, 5xx, still in progress) a retry of
 * the same action reuses its key, so the server replays instead of doing it twice. Once
 * answered, the key is dropped and the next click is a new action with a fresh key.
 */
const pendingKeys = new Map<string, string>();

const keyFor = (action: string): string => {
  let key = pendingKeys.get(action);
  if (!key) {
    key = newIdempotencyKey();
    pendingKeys.set(action, key);
  }
  return key;
};

// ---- Requests -------------------------------------------------------------------------

interface RequestOptions {
  body?: unknown;
  /** A value-creating POST: send an Idempotency-Key for this user action. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Send no bearer token (dev identity calls). */
  anonymous?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const send = async <T>(method: string, path: string, options: RequestOptions, idempotencyKey?: string): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.anonymous ? null : localStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message || 'Network error');
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const e = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined)?.error;
    const error = new ApiError(
      response.status,
      e?.code ?? (response.status >= 500 ? 'INTERNAL' : `HTTP_${response.status}`),
      e?.message ?? (text.slice(0, 200) || response.statusText),
      e?.fields,
    );
    if (response.status === 401 && token && onUnauthorized) onUnauthorized();
    throw error;
  }
  return data as T;
};

/** A gateway hiccup (cold function, 502/503/504) or a dropped connection: worth a second try. */
const transient = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);

export const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
  if (method === 'GET') {
    // Reads are safe to repeat: ride out a cold start quietly.
    for (let attempt = 0; ; attempt++) {
      try {
        return await send<T>(method, path, options);
      } catch (error) {
        if (!transient(error) || attempt >= 2 || options.signal?.aborted) throw error;
        await sleep(500 * (attempt + 1));
      }
    }
  }
  if (!options.idempotent) return send<T>(method, path, options);
  const action = `${method} ${path} ${JSON.stringify(options.body ?? null)}`;
  const key = keyFor(action);
  // A couple of quiet retries with the same key; after that the user may retry by clicking.
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await send<T>(method, path, options, key);
      pendingKeys.delete(action);
      return result;
    } catch (error) {
      if (!retryable(error)) {
        pendingKeys.delete(action);
        throw error;
      }
      if (attempt >= 2 || options.signal?.aborted) throw error;
      await sleep(400 * (attempt + 1));
    }
  }
};

const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, signal ? { signal } : {});
const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return s ? `?${s}` : '';
};
const enc = encodeURIComponent;

// ---- Endpoints ------------------------------------------------------------------------

export const api = {
  devUsers: (signal?: AbortSignal) => request<List<DevUser>>('GET', '/auth/dev-users', { anonymous: true, ...(signal ? { signal } : {}) }),
  devLogin: (userId: string) => request<{ token: string; user: User }>('POST', '/auth/dev-login', { anonymous: true, body: { userId } }),

  activities: (params: { orgId?: string; cursor?: string } = {}, signal?: AbortSignal) =>
    get<List<Activity>>(`/activities${q(params)}`, signal),
  claim: (activityId: string, shiftId: string) =>
    request<Claim>('POST', `/activities/${enc(activityId)}/shifts/${enc(shiftId)}/claims`, { body: {}, idempotent: true }),
  myClaims: (signal?: AbortSignal) => get<List<Claim>>('/me/claims', signal),
  cancelClaim: (claimId: string) => request<Claim>('DELETE', `/claims/${enc(claimId)}`),

  emergencyCalls: (signal?: AbortSignal) => get<List<EmergencyCall>>('/emergency-calls', signal),
  answerCall: (callId: string, answer: CallAnswer) =>
    request<EmergencyCall>('POST', `/emergency-calls/${enc(callId)}/responses`, { body: { answer } }),

  wishes: (params: { gridId?: string; communityId?: string; status?: WishStatus }, signal?: AbortSignal) =>
    get<List<Wish>>(`/wishes${q(params)}`, signal),
  postWish: (body: NewWish) => request<Wish>('POST', '/wishes', { body, idempotent: true }),
  approveWish: (wishId: string) => request<Wish>('POST', `/wishes/${enc(wishId)}/approve`, { body: {} }),
  rejectWish: (wishId: string, reason: string) => request<Wish>('POST', `/wishes/${enc(wishId)}/reject`, { body: { reason } }),
  claimWish: (wishId: string) => request<Wish>('POST', `/wishes/${enc(wishId)}/claim`, { body: {}, idempotent: true }),
  fulfilWish: (wishId: string, body: { note: string; minutes: number }) =>
    request<Wish>('POST', `/wishes/${enc(wishId)}/fulfil`, { body }),
  confirmWish: (wishId: string) => request<Wish>('POST', `/wishes/${enc(wishId)}/confirm`, { body: {} }),

  issueCheckinCode: (shiftId: string) =>
    request<CheckinCode>('POST', `/shifts/${enc(shiftId)}/checkin-codes`, { body: {}, idempotent: true }),
  checkIn: (code: string) => request<HourLog>('POST', '/hours/check-in', { body: { code }, idempotent: true }),
  checkOut: (code: string) => request<HourLog>('POST', '/hours/check-out', { body: { code }, idempotent: true }),
  myHours: (signal?: AbortSignal) => get<List<HourLog>>('/me/hours', signal),
  pendingHours: (signal?: AbortSignal) => get<List<HourLog>>('/hours/pending', signal),
  verifyHours: (hourLogId: string, body: { minutes?: number; note?: string }) =>
    request<HourLog>('POST', `/hours/${enc(hourLogId)}/verify`, { body, idempotent: true }),
  rejectHours: (hourLogId: string, reason: string) =>
    request<HourLog>('POST', `/hours/${enc(hourLogId)}/reject`, { body: { reason }, idempotent: true }),

  myPoints: (signal?: AbortSignal) => get<Balance>('/me/points', signal),
  myTransactions: (signal?: AbortSignal) => get<List<Transaction>>('/me/points/transactions', signal),
  account: (accountId: string, signal?: AbortSignal) => get<Balance>(`/ledger/accounts/${enc(accountId)}`, signal),

  rewards: (signal?: AbortSignal) => get<List<Reward>>('/rewards', signal),
  redeem: (rewardId: string) =>
    request<Redemption>('POST', `/rewards/${enc(rewardId)}/redemptions`, { body: {}, idempotent: true }),
  redemption: (redemptionId: string, signal?: AbortSignal) => get<Redemption>(`/redemptions/${enc(redemptionId)}`, signal),
  myRedemptions: (signal?: AbortSignal) => get<List<Redemption>>('/me/redemptions', signal),
  confirmRedemption: (code: string) =>
    request<Redemption>('POST', '/redemptions/confirm', { body: { code }, idempotent: true }),
};

/** `org:<id>` → ids, from the user's scopes. */
export const scopeIds = (user: User, kind: string): string[] =>
  user.scopes.filter((s) => s.startsWith(`${kind}:`)).map((s) => s.slice(kind.length + 1));
