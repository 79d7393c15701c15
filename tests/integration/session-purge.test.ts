import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { purgeExpiredSessions } from "~/jobs.server";
import { resetClock, setNow } from "~/utils/clock.server";
import { createUser } from "../support/fixtures";

afterAll(async () => {
  resetClock();
  await prisma.$disconnect();
});

describe("purgeExpiredSessions", () => {
  it("removes sessions that ended by the portal clock and keeps running ones", async () => {
    const user = await createUser(prisma);
    setNow(new Date("2026-03-01T12:00:00Z"));
    const ended = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date("2026-03-01T11:59:59Z") } });
    const running = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date("2026-03-01T23:00:00Z") } });

    expect(await purgeExpiredSessions()).toBe(1);
    const left = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left).toEqual([{ id: running.id }]);
    expect(left).not.toContainEqual({ id: ended.id });
  });
});
