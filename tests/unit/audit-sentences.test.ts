import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditSentence, type AuditLine } from "~/audit/audit-sentences";

const NAMES: Record<string, string> = { u1: "Els Vermeulen", u2: "Jan Peeters", u3: "Pieter Claes", u4: "An Peeters" };
const context = { userName: (id: string) => NAMES[id], criterionLabel: (key: string) => (key === "bereik" ? "Bereik" : undefined) };

function line(
  action: string,
  fields: Partial<Omit<AuditLine, "before" | "after">> & { before?: unknown; after?: unknown } = {},
): AuditLine {
  return {
    action,
    actorId: fields.actorId === undefined ? "u1" : fields.actorId,
    actorRole: fields.actorRole ?? "REVIEWER",
    before: fields.before === undefined ? null : JSON.stringify(fields.before),
    after: fields.after === undefined ? null : JSON.stringify(fields.after),
    reason: fields.reason ?? null,
  };
}

/** Every file under app/ and seeds/, to find the actions the code writes. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe("the audit trail in sentences", () => {
  it("reads the review's steps as a person would tell them", () => {
    expect(auditSentence(line("application.assigned", { before: { assigneeId: null }, after: { assigneeId: "u2" } }), context)).toBe(
      "Els Vermeulen wees het dossier toe aan Jan Peeters.",
    );
    expect(auditSentence(line("application.assigned", { before: { assigneeId: "u2" }, after: { assigneeId: "u1" } }), context)).toBe(
      "Els Vermeulen wees het dossier toe aan zichzelf, in plaats van aan Jan Peeters.",
    );
    const applicant = { actorId: "u4", actorRole: "APPLICANT" };
    expect(
      auditSentence(line("application.status", { ...applicant, before: { status: "DRAFT" }, after: { status: "SUBMITTED" } }), context),
    ).toBe("An Peeters diende de aanvraag in.");
    expect(
      auditSentence(
        line("application.status", { ...applicant, before: { status: "INFO_REQUESTED" }, after: { status: "IN_REVIEW" } }),
        context,
      ),
    ).toBe("An Peeters beantwoordde de vraag om bijkomende informatie.");
    expect(auditSentence(line("assessment.score", { after: { criterion: "bereik", score: 4, motivation: "Goed." } }), context)).toBe(
      "Els Vermeulen gaf “Bereik” een score van 4.",
    );
    expect(
      auditSentence(
        line("application.decision", {
          actorId: "u3",
          actorRole: "DECIDER",
          after: { outcome: "PARTIALLY_APPROVED", grantedCents: 1_234_567, legalBasis: "x", recognitionPeriod: null },
        }),
        context,
      ),
    ).toBe("Pieter Claes besliste over het voorstel: gedeeltelijk goedgekeurd voor € 12.345,67.");
    expect(
      auditSentence(
        line("application.decision", {
          actorId: "u3",
          after: { outcome: "APPROVED", grantedCents: null, recognitionPeriod: { startsOn: "2026-01-01", endsOn: "2030-12-31" } },
        }),
        { ...context, programmeKind: "RECOGNITION" },
      ),
    ).toBe("Pieter Claes besliste over het voorstel: erkend, van 1 januari 2026 tot en met 31 december 2030.");
    expect(auditSentence(line("deadline.extended", { after: { closesAt: "2026-01-20T22:59:00.000Z" } }), context)).toBe(
      "Els Vermeulen verlengde de termijn tot 20 januari 2026 om 23:59.",
    );
    expect(
      auditSentence(line("attachment.generated", { actorId: null, actorRole: "SYSTEM", after: { fileName: "brief.pdf" } }), context),
    ).toBe("Het portaal liet het document “brief.pdf” aanmaken.");
  });

  it("has a sentence for every action, without ids or JSON, even with nothing stored beside it", () => {
    const ids = Object.keys(NAMES);
    for (const action of AUDIT_ACTIONS) {
      for (const sample of [
        line(action),
        line(action, {
          actorId: "cmx5zz9unknown",
          before: { assigneeId: "cmx5zz9other", status: "DRAFT" },
          after: { assigneeId: "cmx5zz9other" },
        }),
      ]) {
        const sentence = auditSentence(sample, context);
        expect(sentence, action).toMatch(/^[A-ZÀ-ÿ“].*\.$/);
        expect(sentence, action).not.toMatch(/[{}[\]]|cmx5|undefined|null/);
        for (const id of ids) expect(sentence, action).not.toContain(id);
      }
    }
  });

  it("covers every action the code writes to the audit trail", () => {
    const written = new Set<string>();
    for (const file of [...sources("app"), ...sources("seeds")]) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/action: "([a-z-]+\.[a-z-]+)"/g)) written.add(match[1]!);
      // Actions passed by name: setStaffRoles' tuples and the IdP's audit(tx, userId, "…").
      for (const match of source.matchAll(/\["(user\.[a-z-]+)", /g)) written.add(match[1]!);
      for (const match of source.matchAll(/audit\(tx, userId, "([a-z-]+\.[a-z-]+)"/g)) written.add(match[1]!);
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });
});
