import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { requireDossierAccess, requireStaff } from "~/auth/viewer.server";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { AnswerList } from "~/components/dossier-sections";
import { GrantTimeline } from "~/components/grant-timeline";
import { SubmitButton } from "~/components/submit-button";
import { TableRegion } from "~/components/table-region";
import { STAFF_ROLES } from "~/domain/roles";
import {
  cancelOrderFormSchema,
  markPaidFormSchema,
  orderFormSchema,
  prepareAdvanceFormSchema,
  reportActionFormSchema,
  reportInfoFormSchema,
  settleFormSchema,
} from "~/grants/forms";
import { grantFollowUp } from "~/grants/grant-page.server";
import {
  acceptedFinalReportFigures,
  acceptReport,
  loadReport,
  proposeReportAcceptance,
  reportsForStaff,
  requestReportInformation,
  type ReportResult,
} from "~/grants/reports.server";
import { formatCents } from "~/utils/money";
import { approvePaymentOrder, cancelPaymentOrder, markPaymentPaid, prepareAdvance, settleGrant } from "~/grants/payments.server";
import type { FieldErrors } from "~/utils/forms";
import { readFormPost } from "~/utils/read-form-post.server";

export const meta: MetaFunction = () => [{ title: "Opvolging en betalingen | Subsidieportaal AgII" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request, ...STAFF_ROLES);
  const { dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  const [followUp, reports, figures] = await Promise.all([
    grantFollowUp(viewer, dossier),
    reportsForStaff(viewer, dossier),
    acceptedFinalReportFigures(dossier),
  ]);
  const fromReport = figures
    ? "learnersReached" in figures
      ? `${new Intl.NumberFormat("nl-BE").format(figures.learnersReached)} bereikte deelnemers`
      : `${formatCents(figures.acceptedCostsCents)} aanvaarde kosten`
    : null;
  return { reference: dossier.reference, ...followUp, reports, fromReport };
}

const FORMS = ["advance", "settle", "approve", "paid", "cancel", "report-info", "report-propose", "report-accept"] as const;
const formNameSchema = z.object({ form: z.enum(FORMS) });
type Outcome = { form: string; ok: boolean; errors?: FieldErrors; values?: Record<string, string>; message?: string };

const DONE: Record<(typeof FORMS)[number], string> = {
  advance: "Het voorschot is voorbereid; een beslisser keurt het goed.",
  settle: "De subsidie is afgerekend.",
  approve: "De opdracht is goedgekeurd voor betaling.",
  paid: "De betaling is geboekt.",
  cancel: "De opdracht is geannuleerd.",
  "report-info": "De vraag is verstuurd; het verslag gaat terug naar de aanvrager.",
  "report-propose": "De goedkeuring is voorgesteld; een andere beslisser keurt het eindverslag goed.",
  "report-accept": "Het verslag is goedgekeurd.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, ...STAFF_ROLES);
  const { dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  const post = await readFormPost(request);
  const chosen = post.parse(formNameSchema);
  const form = chosen.ok ? chosen.data.form : (post.values.form ?? "");
  const fail = (errors: FieldErrors, status = 400) => data<Outcome>({ form, ok: false, errors, values: post.values }, { status });
  if (!chosen.ok) return fail({ form: "Onbekende handeling." });
  const message = DONE[chosen.data.form];
  const done = (result: { ok: true } | { ok: false; message: string }, field = "form") =>
    result.ok ? data<Outcome>({ form, ok: true, message }) : fail({ [field]: result.message }, 409);
  const applicationId = dossier.id;
  const withReport = async (
    phaseKey: string,
    act: (context: NonNullable<Awaited<ReturnType<typeof loadReport>>>) => Promise<ReportResult>,
  ) => {
    const context = await loadReport(dossier, phaseKey);
    if (!context) return fail({ form: "Dit dossier heeft zo'n verslag niet." }, 404);
    const result = await act(context);
    return result.ok ? data<Outcome>({ form, ok: true, message }) : fail({ [result.field ?? "form"]: result.message }, 409);
  };

  switch (chosen.data.form) {
    case "advance": {
      const parsed = post.parse(prepareAdvanceFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await prepareAdvance({ viewer, applicationId, phaseKey: parsed.data.phaseKey }));
    }
    case "settle": {
      if (await acceptedFinalReportFigures(dossier)) return done(await settleGrant({ viewer, applicationId }));
      const parsed = post.parse(settleFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      const { basis, figure } = parsed.data;
      const figures = basis === "REACH" ? { learnersReached: figure } : { acceptedCostsCents: figure };
      return done(await settleGrant({ viewer, applicationId, figures }), "figure");
    }
    case "approve": {
      const parsed = post.parse(orderFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await approvePaymentOrder({ viewer, applicationId, orderId: parsed.data.orderId }));
    }
    case "paid": {
      const parsed = post.parse(markPaidFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await markPaymentPaid({ viewer, applicationId, ...parsed.data }), "paidOn");
    }
    case "cancel": {
      const parsed = post.parse(cancelOrderFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await cancelPaymentOrder({ viewer, applicationId, ...parsed.data }), "reason");
    }
    case "report-info": {
      const parsed = post.parse(reportInfoFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      const { phaseKey, questions, dueDate } = parsed.data;
      return withReport(phaseKey, (context) => requestReportInformation({ viewer, context, questions, dueDate }));
    }
    case "report-propose": {
      const parsed = post.parse(reportActionFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return withReport(parsed.data.phaseKey, (context) => proposeReportAcceptance({ viewer, context }));
    }
    case "report-accept": {
      const parsed = post.parse(reportActionFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return withReport(parsed.data.phaseKey, (context) => acceptReport({ viewer, context }));
    }
  }
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type FormOutcome = Outcome | undefined;
const LABELS = {
  figure: "Afrekening",
  paidOn: "Betaald op",
  reason: "Reden",
  questions: "Vraag aan de aanvrager",
  dueDate: "Antwoord tegen",
};

/** The settlement form's words per basis; the schema checks the figure the same way. */
const SETTLE_FIELD = {
  REACH: {
    intro: "Uit het aanvaarde eindverslag: het aantal deelnemers dat aan een oefenkans deelnam.",
    label: "Bereikte deelnemers",
    hint: undefined,
    inputMode: "numeric",
  },
  COSTS: {
    intro: "Uit het aanvaarde eindverslag: de kosten die het agentschap aanvaardt.",
    label: "Aanvaarde kosten",
    hint: "In euro, bv. 24.500,00.",
    inputMode: "decimal",
  },
} as const;

export default function GrantPaymentsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const outcomeFor = (form: string) => (result && result.form === form ? result : undefined);
  const next = page.orders.find((order) => order.can.approve || order.can.markPaid || order.can.cancel || order.can.fourEyesBlocked);
  return (
    <section>
      <h1>Opvolging en betalingen {page.reference ?? ""}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : result?.errors?.form ? (
        <p className="notice notice--error" role="alert">
          {result.errors.form}
        </p>
      ) : null}
      {page.grantedCents === 0 ? <p>Dit dossier heeft geen toekenning: er volgen geen betalingen.</p> : null}

      <h2>Fasen na de beslissing</h2>
      {page.timeline.length > 0 ? <GrantTimeline entries={page.timeline} /> : <p>De oproep heeft geen fasen na de beslissing.</p>}

      <h2>Verslagen</h2>
      {page.reports.length === 0 ? <p>De oproep vraagt geen verslagen.</p> : null}
      {page.reports.map((report) => (
        <ReportReview key={report.phaseKey} report={report} outcomeFor={outcomeFor} />
      ))}

      <h2>Budget van de oproep</h2>
      <dl className="facts">
        {page.money.envelope ? (
          <>
            <dt>Budget</dt>
            <dd>{page.money.envelope}</dd>
          </>
        ) : null}
        <dt>Vastgelegd in betalingsopdrachten</dt>
        <dd>{page.money.committed}</dd>
        <dt>Betaald</dt>
        <dd>{page.money.paid}</dd>
        <dt>Teruggevorderd en ontvangen</dt>
        <dd>{page.money.recovered}</dd>
      </dl>

      <h2>Betalings- en terugvorderingsopdrachten</h2>
      {page.orders.length === 0 ? <p>Nog geen opdrachten.</p> : <OrderTable orders={page.orders} />}
      {next ? <OrderActions order={next} outcomeFor={outcomeFor} /> : null}

      {page.can.prepareAdvances.map((phase) => (
        <Form method="post" key={phase.key} className="stack">
          <input type="hidden" name="form" value="advance" />
          <input type="hidden" name="phaseKey" value={phase.key} />
          <SubmitButton busyLabel="Bezig met voorbereiden…">{`${phase.title} voorbereiden`}</SubmitButton>
        </Form>
      ))}
      {page.can.settle && page.fromReport ? (
        <section aria-labelledby="afrekenen">
          <h2 id="afrekenen">Afrekenen</h2>
          <p>Uit het goedgekeurde eindverslag: {page.fromReport}.</p>
          <Form method="post">
            <input type="hidden" name="form" value="settle" />
            <SubmitButton busyLabel="Bezig met afrekenen…">Afrekenen op het eindverslag</SubmitButton>
          </Form>
        </section>
      ) : page.can.settle ? (
        <SettleForm basis={page.can.settle} outcome={outcomeFor("settle")} />
      ) : null}
    </section>
  );
}

function OrderTable({ orders }: { orders: PageData["orders"] }) {
  return (
    <TableRegion label="Opdrachten">
      <table>
        <caption className="visually-hidden">Betalings- en terugvorderingsopdrachten</caption>
        <thead>
          <tr>
            <th scope="col">Soort</th>
            <th scope="col">Fase</th>
            <th scope="col">Bedrag</th>
            <th scope="col">Rekening</th>
            <th scope="col">Status</th>
            <th scope="col">Voorbereid</th>
            <th scope="col">Goedgekeurd</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <th scope="row">{order.kind}</th>
              <td>{order.phase}</td>
              <td>{order.amount}</td>
              <td>{order.iban}</td>
              <td>
                {order.status}
                {order.paidOn ? ` op ${order.paidOn}` : ""}
                {order.cancelReason ? ` (${order.cancelReason})` : ""}
              </td>
              <td>{order.preparedBy}</td>
              <td>{order.approvedBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function OrderActions({ order, outcomeFor }: { order: PageData["orders"][number]; outcomeFor: (form: string) => FormOutcome }) {
  const failed = (form: string) => {
    const outcome = outcomeFor(form);
    return outcome && !outcome.ok ? outcome : undefined;
  };
  const paid = useZodForm(markPaidFormSchema, {
    defaultValues: { orderId: order.id, paidOn: failed("paid")?.values?.paidOn ?? "" },
    serverErrors: failed("paid")?.errors,
  });
  const cancel = useZodForm(cancelOrderFormSchema, {
    defaultValues: { orderId: order.id, reason: failed("cancel")?.values?.reason ?? "" },
    serverErrors: failed("cancel")?.errors,
  });
  return (
    <section aria-labelledby="opdracht-behandelen">
      <h3 id="opdracht-behandelen">
        {order.kind} van {order.amount} behandelen
      </h3>
      {order.can.fourEyesBlocked ? (
        <p className="notice notice--warning">
          U hebt deze opdracht zelf voorbereid. Een andere beslisser keurt ze goed (vier-ogenprincipe).
        </p>
      ) : null}
      {order.can.approve ? (
        <Form method="post">
          <input type="hidden" name="form" value="approve" />
          <input type="hidden" name="orderId" value={order.id} />
          <SubmitButton busyLabel="Bezig met goedkeuren…">Goedkeuren voor betaling</SubmitButton>
        </Form>
      ) : null}
      {order.can.markPaid ? (
        <>
          <ErrorSummary errors={paid.errors} labels={LABELS} attempt={paid.attempt} />
          <Form method="post" className="stack" noValidate onSubmit={paid.onSubmit}>
            <input type="hidden" name="form" value="paid" />
            <input type="hidden" {...paid.register("orderId")} />
            <TextField label="Betaald op" type="date" required {...paid.field("paidOn")} />
            <SubmitButton busyLabel="Bezig met boeken…">Betaling boeken</SubmitButton>
          </Form>
        </>
      ) : null}
      {order.can.cancel ? (
        <>
          <ErrorSummary errors={cancel.errors} labels={LABELS} attempt={cancel.attempt} />
          <Form method="post" className="stack" noValidate onSubmit={cancel.onSubmit}>
            <input type="hidden" name="form" value="cancel" />
            <input type="hidden" {...cancel.register("orderId")} />
            <TextField label="Reden van de annulering" required {...cancel.field("reason")} />
            <SubmitButton busyLabel="Bezig met annuleren…">Opdracht annuleren</SubmitButton>
          </Form>
        </>
      ) : null}
    </section>
  );
}

function SettleForm({ basis, outcome }: { basis: "REACH" | "COSTS"; outcome: FormOutcome }) {
  const failed = outcome && !outcome.ok ? outcome : undefined;
  const form = useZodForm(settleFormSchema, {
    defaultValues: { basis, figure: failed?.values?.figure ?? "" },
    serverErrors: failed?.errors,
  });
  const words = SETTLE_FIELD[basis];
  return (
    <section aria-labelledby="afrekenen">
      <h2 id="afrekenen">Afrekenen</h2>
      <p>{words.intro}</p>
      <ErrorSummary errors={form.errors} labels={{ ...LABELS, figure: words.label }} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="form" value="settle" />
        <input type="hidden" {...form.register("basis")} />
        <TextField label={words.label} hint={words.hint} inputMode={words.inputMode} required {...form.field("figure")} />
        <SubmitButton busyLabel="Bezig met afrekenen…">Afrekenen</SubmitButton>
      </Form>
    </section>
  );
}

/** One report of the dossier: its status, who did what, its answers once submitted, and the review's forms. */
function ReportReview({ report, outcomeFor }: { report: PageData["reports"][number]; outcomeFor: (form: string) => FormOutcome }) {
  const failed = outcomeFor("report-info");
  const mine = failed && !failed.ok && failed.values?.phaseKey === report.phaseKey ? failed : undefined;
  const info = useZodForm(reportInfoFormSchema, {
    defaultValues: { phaseKey: report.phaseKey, questions: mine?.values?.questions ?? "", dueDate: mine?.values?.dueDate ?? "" },
    serverErrors: mine?.errors,
  });
  const id = `verslag-${report.phaseKey}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{report.title}</h3>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{report.status}</dd>
        {report.submitted ? (
          <>
            <dt>Ingediend</dt>
            <dd>{report.submitted}</dd>
          </>
        ) : null}
        {report.proposedBy ? (
          <>
            <dt>Goedkeuring voorgesteld</dt>
            <dd>{report.proposedBy}</dd>
          </>
        ) : null}
        {report.acceptedBy ? (
          <>
            <dt>Goedgekeurd</dt>
            <dd>{report.acceptedBy}</dd>
          </>
        ) : null}
        {report.infoQuestions ? (
          <>
            <dt>Open vraag</dt>
            <dd>{report.infoQuestions}</dd>
          </>
        ) : null}
      </dl>
      {report.sections.map((section) => (
        <details key={section.stepId}>
          <summary>{section.title}</summary>
          <AnswerList rows={section.rows} computed={section.computed} />
        </details>
      ))}
      {report.can.fourEyesBlocked ? (
        <p className="notice notice--warning">
          U stelde de goedkeuring zelf voor. Een andere beslisser keurt het eindverslag goed (vier-ogenprincipe).
        </p>
      ) : null}
      {report.can.accept ? (
        <Form method="post">
          <input type="hidden" name="form" value="report-accept" />
          <input type="hidden" name="phaseKey" value={report.phaseKey} />
          <SubmitButton busyLabel="Bezig met goedkeuren…">{`${report.title} goedkeuren`}</SubmitButton>
        </Form>
      ) : null}
      {report.can.propose ? (
        <Form method="post">
          <input type="hidden" name="form" value="report-propose" />
          <input type="hidden" name="phaseKey" value={report.phaseKey} />
          <SubmitButton busyLabel="Bezig met voorstellen…">Goedkeuring voorstellen</SubmitButton>
        </Form>
      ) : null}
      {report.can.requestInfo ? (
        <>
          <ErrorSummary errors={info.errors} labels={LABELS} attempt={info.attempt} />
          <Form method="post" className="stack" noValidate onSubmit={info.onSubmit}>
            <input type="hidden" name="form" value="report-info" />
            <input type="hidden" {...info.register("phaseKey")} />
            <div className={info.errors.questions ? "field field--error" : "field"}>
              <label htmlFor="veld-questions">Vraag aan de aanvrager</label>
              {info.errors.questions ? <p className="field-error">{info.errors.questions}</p> : null}
              <textarea id="veld-questions" rows={5} defaultValue={mine?.values?.questions ?? ""} {...info.register("questions")} />
            </div>
            <TextField label="Antwoord tegen" type="date" required {...info.field("dueDate")} />
            <SubmitButton busyLabel="Bezig met versturen…">Bijkomende informatie vragen</SubmitButton>
          </Form>
        </>
      ) : null}
    </section>
  );
}
