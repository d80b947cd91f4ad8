// Which top-level fields of an object a piece of code reads: a key that must
// cover everything a renderer shows is tested against what it really reads.

export function watchFields<T extends object>(target: T): { watched: T; read: Set<string> } {
  const read = new Set<string>();
  const watched = new Proxy(target, {
    get(t, field, receiver) {
      if (typeof field === 'string') read.add(field);
      return Reflect.get(t, field, receiver) as unknown;
    },
  });
  return { watched, read };
}
