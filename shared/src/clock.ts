/** Where code reads the time; tests pass their own clock to reach windows and expiries. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
