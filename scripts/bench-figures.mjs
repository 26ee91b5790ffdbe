/** The benchmarks' figures: a median, and how one measure is said over its runs. */

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `median 585 ms (570–621 ms over 7 runs)`. */
export const overRuns = (times) =>
  `median ${Math.round(median(times))} ms ` +
  `(${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms over ${times.length} runs)`;
