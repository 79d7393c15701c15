import { prisma } from "~/db.server";
import { outboxStats } from "~/mail/outbox.server";

/** For monitoring: the database answers, and how the e-mail queue is doing. */
export async function loader() {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    const outbox = await outboxStats();
    return Response.json({ status: "ok", outbox }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
