/**
 * Date helpers for seed data. Calendar days go through app/utils/time.ts (Brussels time);
 * the one addition is a wall-clock time on a Brussels day, for plausible audit timestamps.
 */
import { brusselsDate, brusselsWallClock } from "~/utils/time";

/** The instant of a Brussels wall-clock time: brusselsAt("2026-01-12", "14:32"). */
export function brusselsAt(isoDate: string, time: string): Date {
  const instant = brusselsWallClock(isoDate, time);
  if (!instant) throw new Error(`Ongeldig tijdstip: ${isoDate} ${time}`);
  return instant;
}

/** The calendar year of an instant in Brussels (31 December 23:30 UTC is already next year). */
export function brusselsYear(instant: Date): number {
  return Number(brusselsDate(instant).slice(0, 4));
}
