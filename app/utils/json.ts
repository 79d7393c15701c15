import { isRecord } from "./guards";

/**
 * A JSON object stored in a text column (settings, answers), read where one bad row must not
 * break a whole page: anything that is not a JSON object reads as {}.
 */
export function parseJsonObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}
