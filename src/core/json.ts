/** A JSON object: not null, not an array. The first check made of any JSON from outside. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
