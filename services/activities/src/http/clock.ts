/** The time routes act at; tests pass a fixed one to reach rules such as SHIFT_ENDED. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
