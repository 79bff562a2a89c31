/**
 * A tiny memo of the last few results of a string function. One analysis passes the same document to
 * several classifiers, each of which normalises and folds it; comparing against a handful of recent
 * inputs (identical strings compare by pointer first) skips the repeats without an unbounded cache.
 *
 * @example const fold = recentMemo((t) => expensiveFold(t)); fold(doc); fold(doc) // computed once
 */
export function recentMemo<T>(fn: (input: string) => T, size = 4): (input: string) => T {
  const inputs: string[] = [];
  const outputs: T[] = [];
  let next = 0;
  return (input) => {
    for (let i = 0; i < inputs.length; i++) if (inputs[i] === input) return outputs[i] as T;
    const output = fn(input);
    inputs[next] = input;
    outputs[next] = output;
    next = (next + 1) % size;
    return output;
  };
}
