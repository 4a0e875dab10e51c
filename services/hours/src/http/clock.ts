/** Where the HTTP layer reads the time; tests pass their own to reason about windows and expiry. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
