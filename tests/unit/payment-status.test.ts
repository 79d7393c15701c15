import { describe, expect, it } from "vitest";
import { checkPaymentTransition, netCommittedCents, PAYMENT_MESSAGES, paymentStatusLabel } from "~/grants/payment-status";

describe("payment orders", () => {
  it("go from prepared to approved to paid, or are cancelled before approval", () => {
    const order = { status: "TO_APPROVE" as const, createdById: "els" };
    expect(checkPaymentTransition(order, "APPROVED", "jan")).toEqual({ ok: true });
    expect(checkPaymentTransition(order, "CANCELLED", "els")).toEqual({ ok: true });
    expect(checkPaymentTransition(order, "PAID", "jan")).toEqual({ ok: false, message: PAYMENT_MESSAGES.notAllowed("TO_APPROVE", "PAID") });
    expect(checkPaymentTransition({ status: "APPROVED", createdById: "els" }, "PAID", "jan")).toEqual({ ok: true });
    expect(checkPaymentTransition({ status: "APPROVED", createdById: "els" }, "CANCELLED", "jan").ok).toBe(false);
    expect(checkPaymentTransition({ status: "PAID", createdById: "els" }, "PAID", "jan").ok).toBe(false);
  });

  it("are approved by a second person only", () => {
    expect(checkPaymentTransition({ status: "TO_APPROVE", createdById: "els" }, "APPROVED", "els")).toEqual({
      ok: false,
      message: PAYMENT_MESSAGES.fourEyes,
    });
  });

  it("commit every payment not cancelled, and free only recoveries actually received", () => {
    expect(
      netCommittedCents([
        { kind: "ADVANCE", status: "PAID", amountCents: 1000 },
        { kind: "BALANCE", status: "TO_APPROVE", amountCents: 500 },
        { kind: "ADVANCE", status: "CANCELLED", amountCents: 9000 },
        { kind: "RECOVERY", status: "APPROVED", amountCents: 300 },
        { kind: "RECOVERY", status: "PAID", amountCents: 200 },
      ]),
    ).toBe(1300);
  });

  it("have Dutch labels that fit payments and recoveries", () => {
    expect(paymentStatusLabel("ADVANCE", "APPROVED")).toBe("Goedgekeurd voor betaling");
    expect(paymentStatusLabel("RECOVERY", "PAID")).toBe("Ontvangen");
  });
});
