/** The current time in epoch milliseconds; passed in so tests can fix it. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
