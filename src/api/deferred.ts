/**
 * Resource namespaces whose code loads on first use. The CLI starts a new process per command and its start-up
 * is measured, so a namespace that most commands never touch must not cost a module load for all of them.
 */

/** Promise-returning methods of `T`, each loading the real namespace before its first call. */
export function deferredMethods<T extends object>(load: () => Promise<T>, names: readonly (keyof T)[]): T {
  let loaded: Promise<T> | undefined;
  const real = () => {
    loaded ??= load();
    return loaded;
  };
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const name of names) {
    out[name] = async (...args: unknown[]) => {
      const api = await real();
      return (api[name] as (...a: unknown[]) => unknown).apply(api, args);
    };
  }
  return out as T;
}

/** An async-iterable method that loads its namespace when iteration starts. */
export function deferredIterable<A extends unknown[], R>(
  load: () => Promise<(...args: A) => AsyncIterable<R>>,
): (...args: A) => AsyncIterable<R> {
  return (...args: A) => ({
    async *[Symbol.asyncIterator]() {
      const method = await load();
      yield* method(...args);
    },
  });
}
