import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Values computed at most once per HTTP request, whichever loaders ask: with single fetch the
 * root loader and the route's loader get separate Request objects, so nothing on the request
 * can carry them. server.js runs every request in its own scope (build.entry.module).
 */
const scope = new AsyncLocalStorage<Map<RequestKey<unknown>, unknown>>();

export type RequestKey<T> = { readonly name: string; readonly _type?: T };

export function requestKey<T>(name: string): RequestKey<T> {
  return { name };
}

export function inRequestScope<T>(work: () => T): T {
  return scope.run(new Map(), work);
}

/** The value under `key` for this request, computed by `compute` the first time. */
export function perRequest<T>(key: RequestKey<T>, compute: () => T): T {
  const store = scope.getStore();
  if (!store) return compute();
  if (!store.has(key)) store.set(key, compute());
  // Only perRequest writes the store, and always a value of the key's own type.
  return store.get(key) as T;
}

/**
 * perRequest for what loaders read: shared by the loaders of one request (GET, HEAD), computed
 * anew for an action. An action may change what it read; the loaders that run after it in the
 * same HTTP request (a form posted without JavaScript) get a GET request of their own from
 * Remix, and so never see a value read before the action wrote.
 */
export function perLoaderRequest<T>(request: Request, key: RequestKey<T>, compute: () => T): T {
  return request.method === "GET" || request.method === "HEAD" ? perRequest(key, compute) : compute();
}
