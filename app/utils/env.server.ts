/**
 * The Remix compiler replaces `process.env.NODE_ENV` with "production" while building, so
 * code in the server bundle reads the value the process actually runs with from here.
 */
const runtimeEnvironment: Record<string, string | undefined> = process.env;

export function isProduction(): boolean {
  return runtimeEnvironment["NODE_ENV"] === "production";
}
