/**
 * Remembers a function's result for the last argument it was called with. Rules and editor features ask several
 * times for the links of the report in hand. A module-level WeakMap keyed by reports did that too, but V8's
 * young-generation collector keeps the entries of a long-lived WeakMap alive, so every report, with its lines and
 * text, survived into the old generation: typing in seed 001 promoted 6–7 MB per young collection and made each
 * collection about four times longer.
 */
export function rememberLast<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key) => {
    if (key !== lastKey) {
      lastValue = compute(key);
      lastKey = key;
    }
    return lastValue as V;
  };
}
