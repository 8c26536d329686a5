/**
 * The results of the last few computations, by a string key that says everything the result depends on:
 * validate() runs on every keystroke in the browser, and a keystroke changes one cell or one text, so most of
 * what the rules work out from the texts is what they worked out the keystroke before. Oldest out first.
 */
export class RecentResults<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly size: number) {}

  /** The result kept for the key, or `compute()`'s, then kept. */
  get(key: string, compute: () => T): T {
    // Stryker disable next-line ConditionalExpression: the cache only saves time, a kept result is the one computed again
    if (this.kept.has(key)) return this.kept.get(key) as T;
    const result = compute();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: how many results are kept only changes the time taken
    if (this.kept.size >= this.size) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, result);
    return result;
  }
}
