// A full garbage collection on demand. V8 collects lazily while the heap
// has room: measuring the national set leaves several hundred megabytes of
// garbage on the main thread's heap, kept while the charts are drawn, when
// the chart workers need the memory. Collected once before the long phases,
// the heap starts them from its live size.

import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    // --expose-gc set at run time takes effect in contexts created after it.
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
