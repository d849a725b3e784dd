// A full garbage collection from a test, for what is held weakly (WeakRef, WeakMap keys): V8's `gc`, exposed in a
// fresh context (vitest's workers do not start with --expose-gc).
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Lets V8 clear weak references (they hold their target until the current job ends), collecting three times. */
export async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}
