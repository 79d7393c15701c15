import { describe, expect, it } from "vitest";
import { inRequestScope, perLoaderRequest, requestKey } from "~/utils/request-scope.server";

describe("perLoaderRequest", () => {
  const key = requestKey<number>("test");
  const count = () => {
    let calls = 0;
    return () => ++calls;
  };

  it("computes once for all loaders of a GET request", () => {
    const compute = count();
    inRequestScope(() => {
      expect(perLoaderRequest(new Request("http://portaal.test/a"), key, compute)).toBe(1);
      expect(perLoaderRequest(new Request("http://portaal.test/a"), key, compute)).toBe(1);
    });
  });

  it("computes anew for an action, and its loaders afterwards do not get what it read", () => {
    const compute = count();
    inRequestScope(() => {
      const post = new Request("http://portaal.test/a", { method: "POST" });
      expect(perLoaderRequest(post, key, compute)).toBe(1);
      expect(perLoaderRequest(post, key, compute)).toBe(2);
      // Remix gives the loaders after an action a GET request of their own.
      expect(perLoaderRequest(new Request("http://portaal.test/a"), key, compute)).toBe(3);
      expect(perLoaderRequest(new Request("http://portaal.test/a"), key, compute)).toBe(3);
    });
  });

  it("keeps nothing between requests", () => {
    const compute = count();
    inRequestScope(() => perLoaderRequest(new Request("http://portaal.test/a"), key, compute));
    expect(inRequestScope(() => perLoaderRequest(new Request("http://portaal.test/a"), key, compute))).toBe(2);
  });
});
