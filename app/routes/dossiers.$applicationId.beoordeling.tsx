import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SubmitButton } from "~/components/submit-button";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { statusLabel } from "~/applications/status-labels";
import { requireApplicationAccess, requireDossierAccess, requireStaff } from "~/auth/viewer.server";
import { AuditTrail } from "~/components/audit-trail";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { InformationHistory } from "~/components/information-history";
import { STAFF_ROLES } from "~/domain/roles";
import { saveAssessment } from "~/review/assessment.server";
import { assignApplication } from "~/review/assignment.server";
import { decideProposal } from "~/review/decision.server";
import {
  assessFormSchema,
  assignFormSchema,
  decisionFormSchema,
  informationFormSchema,
  noteFormSchema,
  proposalFormSchema,
} from "~/review/forms";
import { requestInformation } from "~/review/information.server";
import { addReviewNote } from "~/review/notes.server";
import { proposeDecision } from "~/review/proposal.server";
import { reviewPage } from "~/review/review-page.server";
import { OUTCOME_LABELS, OUTCOMES } from "~/review/rules";
import type { FieldErrors } from "~/utils/forms";
import { formatCents } from "~/utils/money";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatDate, formatDateTime } from "~/utils/time-format";
import { lookup } from "~/utils/guards";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Beoordeling ${data?.reference ?? ""} | Subsidieportaal AgII` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request, ...STAFF_ROLES);
  const { dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  return reviewPage(viewer, dossier.id, dossier);
}

type Outcome = { form: string; ok: boolean; errors?: FieldErrors; values?: Record<string, string>; message?: string };

const REVIEW_FORMS = ["assign", "assess", "information", "propose", "decide", "note"] as const;
/** Which of the page's forms was sent: a hidden field in each names it. */
const formNameSchema = z.object({ form: z.enum(REVIEW_FORMS) });

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, ...STAFF_ROLES);
  const { application } = await requireApplicationAccess(request, params.applicationId ?? "");
  const post = await readFormPost(request);
  const chosen = post.parse(formNameSchema);
  const form = chosen.ok ? chosen.data.form : (post.values.form ?? "");
  const applicationId = application.id;
  const fail = (errors: FieldErrors, status = 400) => data<Outcome>({ form, ok: false, errors, values: post.values }, { status });
  const done = (result: { ok: true } | { ok: false; message: string; field?: string }) =>
    result.ok ? data<Outcome>({ form, ok: true }) : fail({ [result.field ?? "form"]: result.message }, 409);
  if (!chosen.ok) return fail({ form: "Onbekende handeling." });

  switch (chosen.data.form) {
    case "assign": {
      const parsed = post.parse(assignFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await assignApplication({ viewer, applicationId, ...parsed.data }));
    }
    case "assess": {
      const parsed = post.parse(assessFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await saveAssessment({ viewer, applicationId, scores: parsed.data });
      if (!result.ok) return fail(result.message ? { form: result.message } : result.errors);
      return data<Outcome>({ form, ok: true });
    }
    case "information": {
      const parsed = post.parse(informationFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await requestInformation({ viewer, applicationId, ...parsed.data }));
    }
    case "propose": {
      const parsed = post.parse(proposalFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(
        await proposeDecision({
          viewer,
          applicationId,
          outcome: parsed.data.outcome,
          amountCents: parsed.data.amount,
          motivation: parsed.data.motivation,
        }),
      );
    }
    case "decide": {
      const parsed = post.parse(decisionFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await decideProposal({ viewer, applicationId, ...parsed.data }));
    }
    case "note": {
      const parsed = post.parse(noteFormSchema);
      if (!parsed.ok) return fail(parsed.errors);
      return done(await addReviewNote({ viewer, applicationId, text: parsed.data.text }));
    }
  }
}

/** Said at the top of the page after a successful action (the form itself may be gone by then). */
const DONE: Record<string, string> = {
  assign: "Het dossier is toegewezen.",
  assess: "De scores zijn bewaard.",
  information: "De vraag is verstuurd; de aanvrager krijgt een e-mail.",
  propose: "Het voorstel is ingediend; een beslisser krijgt een e-mail.",
  decide: "De beslissing is genomen.",
  note: "De notitie is toegevoegd.",
};

const LABELS: Record<string, string> = {
  assigneeId: "Beoordelaar",
  reason: "Reden",
  questions: "Vragen",
  dueDate: "Antwoorden tegen",
  outcome: "Voorstel",
  amount: "Bedrag",
  motivation: "Motivering",
  choice: "Beslissing",
  recognitionEndsOn: "Einde van de erkenning",
  text: "Notitie",
};

export default function ReviewPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const outcomeFor = (form: string) => (result && result.form === form ? result : undefined);
  return (
    <section className="review">
      <p className="eyebrow">
        {page.programmeName} · {page.callTitle}
      </p>
      <h1>Beoordeling {page.reference ?? ""}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {DONE[result.form]}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Organisatie</dt>
        <dd>{page.organisationName}</dd>
        <dt>Status</dt>
        <dd>
          <span className="status">{statusLabel(page.status, page.programmeKind)}</span>
        </dd>
        <dt>Beoordelaar</dt>
        <dd>{page.assignee?.name ?? "Nog niet toegewezen"}</dd>
        {page.requestedCents !== null ? (
          <>
            <dt>Gevraagd bedrag</dt>
            <dd>{formatCents(page.requestedCents)}</dd>
          </>
        ) : null}
        {page.budget.envelopeCents !== null ? (
          <>
            <dt>Budget van de oproep</dt>
            <dd>
              {formatCents(page.budget.envelopeCents)}: toegekend {formatCents(page.budget.grantedCents)}, voorgesteld{" "}
              {formatCents(page.budget.proposedCents)}, nog vrij {formatCents(page.budget.remainingCents ?? 0)}
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/dossiers/${page.id}`}>Naar het dossier</Link> ·{" "}
        <Link to={`/dossiers/${page.id}/overzicht`}>Inhoud van de aanvraag</Link>
      </p>

      {page.can.assign ? <AssignForm page={page} outcome={outcomeFor("assign")} /> : null}

      <h2>Beoordeling volgens de criteria</h2>
      {page.can.assess ? (
        <AssessmentForm page={page} outcome={outcomeFor("assess")} />
      ) : page.proposal ? (
        <p>De scores staan bij het voorstel, onder "Voorstel en beslissing".</p>
      ) : (
        <ScoreTable rubric={page.rubric} />
      )}

      <h2>Bijkomende informatie</h2>
      <InformationHistory requests={page.information} />
      {page.can.requestInformation ? <InformationForm outcome={outcomeFor("information")} /> : null}

      <h2>Voorstel en beslissing</h2>
      <div className={page.can.decide ? "decision-panel" : undefined}>
        {page.proposal ? <ProposalSummary page={page} proposal={page.proposal} /> : <p>Nog geen voorstel.</p>}
        {page.can.decide ? <DecisionForm page={page} outcome={outcomeFor("decide")} /> : null}
      </div>
      {page.can.propose ? <ProposalForm page={page} outcome={outcomeFor("propose")} /> : null}
      {page.status === "IN_REVIEW" && !page.can.propose && page.can.assess ? (
        <p className="notice notice--warning">Beoordeel eerst alle criteria, elk met een motivering, voor u een voorstel doet.</p>
      ) : null}
      {page.can.decideBlockedByFourEyes ? (
        <p className="notice notice--warning">
          U hebt dit voorstel zelf gedaan. Een andere beslisser moet erover beslissen (vier-ogenprincipe).
        </p>
      ) : null}

      <h2>Interne notities</h2>
      <p className="hint">Alleen zichtbaar voor medewerkers van het agentschap.</p>
      {page.notes.length === 0 ? <p>Nog geen notities.</p> : null}
      <ul className="notes">
        {page.notes.map((note) => (
          <li key={note.id}>
            <p>{note.text}</p>
            <p className="hint">
              {note.by}, {formatDateTime(note.at)}
            </p>
          </li>
        ))}
      </ul>
      <NoteForm outcome={outcomeFor("note")} />

      <h2>Audittrail</h2>
      <AuditTrail events={page.audit} />
    </section>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type FormOutcome = Outcome | undefined;

function failure(outcome: FormOutcome) {
  return outcome && !outcome.ok ? outcome : undefined;
}

function AssignForm({ page, outcome }: { page: PageData; outcome: FormOutcome }) {
  const failed = failure(outcome);
  const form = useZodForm(assignFormSchema, {
    defaultValues: { assigneeId: failed?.values?.assigneeId ?? page.assignee?.id ?? "", reason: failed?.values?.reason ?? "" },
    serverErrors: failed?.errors,
  });
  return (
    <section aria-labelledby="toewijzen">
      <h2 id="toewijzen">Toewijzen</h2>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="form" value="assign" />
        <div className={form.errors.assigneeId ? "field field--error" : "field"}>
          <label htmlFor="veld-assigneeId">Beoordelaar</label>
          {form.errors.assigneeId ? <p className="field-error">{form.errors.assigneeId}</p> : null}
          <select id="veld-assigneeId" defaultValue={page.assignee?.id ?? ""} {...form.register("assigneeId")}>
            <option value="">Kies een beoordelaar</option>
            {page.reviewers.map((reviewer) => (
              <option key={reviewer.id} value={reviewer.id}>
                {reviewer.name}
              </option>
            ))}
          </select>
        </div>
        {page.assignee ? (
          <TextField
            label="Reden van de nieuwe toewijzing"
            hint={`Het dossier is nu toegewezen aan ${page.assignee.name}.`}
            required
            {...form.field("reason")}
          />
        ) : null}
        <SubmitButton busyLabel="Bezig met toewijzen…">Toewijzen</SubmitButton>
      </Form>
    </section>
  );
}

/** The reviewer's proposal as the decider needs it: outcome, amount, motivation and the scores. */
function ProposalSummary({ page, proposal }: { page: PageData; proposal: NonNullable<PageData["proposal"]> }) {
  return (
    <section aria-labelledby="voorstel-beoordelaar" className="proposal-summary">
      <h3 id="voorstel-beoordelaar">Voorstel van de beoordelaar</h3>
      <p>
        Voorstel: <strong>{lookup(OUTCOME_LABELS[page.programmeKind], proposal.outcome)}</strong>
        {proposal.cents !== null ? ` voor ${formatCents(proposal.cents)}` : ""}
        {proposal.by ? `, door ${proposal.by}` : ""}
        {proposal.at ? ` op ${formatDateTime(proposal.at)}` : ""}.
      </p>
      {proposal.envelopeWarning ? (
        <p className="notice notice--warning" role="note">
          {proposal.envelopeWarning}
        </p>
      ) : null}
      <h4>Motivering van het voorstel</h4>
      <p className="prose">{proposal.motivation ?? "Geen motivering bewaard."}</p>
      <ScoreTable rubric={page.rubric} caption="Scores bij het voorstel" />
    </section>
  );
}

function ScoreTable({ rubric, caption = "Scores per criterium" }: { rubric: PageData["rubric"]; caption?: string }) {
  const scored = rubric.filter((criterion) => criterion.score !== null);
  const total = scored.reduce((sum, criterion) => sum + (criterion.score ?? 0), 0);
  const max = rubric.reduce((sum, criterion) => sum + criterion.maxScore, 0);
  return (
    <TableRegion label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Criterium</th>
            <th scope="col">Score</th>
            <th scope="col">Motivering</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((criterion) => (
            <tr key={criterion.key}>
              <th scope="row">{criterion.label}</th>
              <td>{criterion.score === null ? "—" : `${criterion.score} / ${criterion.maxScore}`}</td>
              <td>{criterion.motivation || "—"}</td>
            </tr>
          ))}
        </tbody>
        {scored.length > 0 ? (
          <tfoot>
            <tr>
              <th scope="row">Totaal</th>
              <td>{`${total} / ${max}`}</td>
              <td>{scored.length === rubric.length ? "" : `${scored.length} van ${rubric.length} criteria gescoord`}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableRegion>
  );
}

function AssessmentForm({ page, outcome }: { page: PageData; outcome: FormOutcome }) {
  const failed = failure(outcome);
  const errors = failed?.errors ?? {};
  const value = (name: string, fallback: string) => failed?.values?.[name] ?? fallback;
  return (
    <>
      <ErrorSummary
        errors={errors}
        labels={Object.fromEntries(page.rubric.map((c) => [`score-${c.key}`, c.label]))}
        attempt={JSON.stringify(errors)}
      />
      <Form method="post" className="assessment" noValidate>
        <input type="hidden" name="form" value="assess" />
        {page.rubric.map((criterion) => (
          <fieldset key={criterion.key} className={errors[`score-${criterion.key}`] ? "criterion field--error" : "criterion"}>
            <legend>{criterion.label}</legend>
            <input type="hidden" name="criterion" value={criterion.key} />
            {criterion.description ? <p className="hint">{criterion.description}</p> : null}
            {errors[`score-${criterion.key}`] ? (
              <p className="field-error" id={`fout-${criterion.key}`}>
                {errors[`score-${criterion.key}`]}
              </p>
            ) : null}
            <div className="scores" role="radiogroup" aria-label={`Score voor ${criterion.label}`}>
              {Array.from({ length: criterion.maxScore }, (_, index) => index + 1).map((score) => (
                <span className="choice" key={score}>
                  <input
                    type="radio"
                    id={score === 1 ? `veld-score-${criterion.key}` : `veld-score-${criterion.key}-${score}`}
                    name={`score-${criterion.key}`}
                    value={score}
                    defaultChecked={value(`score-${criterion.key}`, String(criterion.score ?? "")) === String(score)}
                  />
                  <label htmlFor={score === 1 ? `veld-score-${criterion.key}` : `veld-score-${criterion.key}-${score}`}>{score}</label>
                </span>
              ))}
            </div>
            <div className="field">
              <label htmlFor={`veld-motivation-${criterion.key}`}>Motivering</label>
              <textarea
                id={`veld-motivation-${criterion.key}`}
                name={`motivation-${criterion.key}`}
                rows={3}
                defaultValue={value(`motivation-${criterion.key}`, criterion.motivation)}
              />
            </div>
          </fieldset>
        ))}
        <SubmitButton busyLabel="Bezig met bewaren…">Scores bewaren</SubmitButton>
      </Form>
    </>
  );
}

function InformationForm({ outcome }: { outcome: FormOutcome }) {
  const failed = failure(outcome);
  const form = useZodForm(informationFormSchema, {
    defaultValues: { questions: failed?.values?.questions ?? "", dueDate: failed?.values?.dueDate ?? "" },
    serverErrors: failed?.errors,
  });
  return (
    <section aria-labelledby="informatie-vragen">
      <h3 id="informatie-vragen">Bijkomende informatie vragen</h3>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="form" value="information" />
        <div className={form.errors.questions ? "field field--error" : "field"}>
          <label htmlFor="veld-questions">Vragen aan de aanvrager</label>
          {form.errors.questions ? <p className="field-error">{form.errors.questions}</p> : null}
          <textarea id="veld-questions" rows={5} defaultValue={failed?.values?.questions ?? ""} {...form.register("questions")} />
        </div>
        <TextField label="Antwoorden tegen" type="date" required {...form.field("dueDate")} />
        <SubmitButton busyLabel="Bezig met versturen…">Vraag versturen</SubmitButton>
      </Form>
    </section>
  );
}

function ProposalForm({ page, outcome }: { page: PageData; outcome: FormOutcome }) {
  const failed = failure(outcome);
  const form = useZodForm(proposalFormSchema, {
    defaultValues: { amount: failed?.values?.amount ?? "", motivation: failed?.values?.motivation ?? "" },
    serverErrors: failed?.errors,
  });
  const errors = form.errors;
  return (
    <section aria-labelledby="voorstel">
      <h3 id="voorstel">Voorstel tot beslissing</h3>
      <ErrorSummary errors={errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="form" value="propose" />
        <fieldset className={errors.outcome ? "field field--error choice-group" : "field choice-group"}>
          <legend>Voorstel</legend>
          {errors.outcome ? <p className="field-error">{errors.outcome}</p> : null}
          {OUTCOMES.filter((o) => page.programmeKind === "FUNDING" || o !== "PARTIALLY_APPROVED").map((option, index) => (
            <div className="choice" key={option}>
              <input
                type="radio"
                id={index === 0 ? "veld-outcome" : `veld-outcome-${option}`}
                value={option}
                defaultChecked={failed?.values?.outcome === option}
                {...form.register("outcome")}
              />
              <label htmlFor={index === 0 ? "veld-outcome" : `veld-outcome-${option}`}>{OUTCOME_LABELS[page.programmeKind][option]}</label>
            </div>
          ))}
        </fieldset>
        {page.requestEnvelopeWarning ? (
          <p className="notice notice--warning" role="note">
            {page.requestEnvelopeWarning}
          </p>
        ) : null}
        {page.programmeKind === "FUNDING" ? (
          <TextField
            label="Bedrag bij gedeeltelijke goedkeuring"
            hint="Verplicht bij een gedeeltelijke goedkeuring. Bij een goedkeuring geldt het gevraagde bedrag, bij een weigering € 0,00."
            conditional
            inputMode="decimal"
            {...form.field("amount")}
          />
        ) : null}
        <div className={errors.motivation ? "field field--error" : "field"}>
          <label htmlFor="veld-motivation">Motivering</label>
          {errors.motivation ? <p className="field-error">{errors.motivation}</p> : null}
          <textarea id="veld-motivation" rows={5} defaultValue={failed?.values?.motivation ?? ""} {...form.register("motivation")} />
        </div>
        <SubmitButton busyLabel="Bezig met indienen van het voorstel…">Voorstel indienen</SubmitButton>
      </Form>
    </section>
  );
}

function DecisionForm({ page, outcome }: { page: PageData; outcome: FormOutcome }) {
  const failed = failure(outcome);
  const form = useZodForm(decisionFormSchema, {
    defaultValues: { motivation: failed?.values?.motivation ?? "", recognitionEndsOn: failed?.values?.recognitionEndsOn ?? "" },
    serverErrors: failed?.errors,
  });
  const errors = form.errors;
  return (
    <section aria-labelledby="beslissen">
      <h3 id="beslissen">Beslissen</h3>
      <ErrorSummary errors={errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="form" value="decide" />
        <fieldset className={errors.choice ? "field field--error choice-group" : "field choice-group"}>
          <legend>Beslissing</legend>
          {errors.choice ? <p className="field-error">{errors.choice}</p> : null}
          <div className="choice">
            <input type="radio" id="veld-choice" value="decide" {...form.register("choice")} />
            <label htmlFor="veld-choice">Het voorstel volgen en beslissen</label>
          </div>
          <div className="choice">
            <input type="radio" id="veld-choice-terug" value="send-back" {...form.register("choice")} />
            <label htmlFor="veld-choice-terug">Terugsturen naar de beoordelaar</label>
          </div>
        </fieldset>
        {page.programmeKind === "RECOGNITION" && page.proposal?.outcome !== "REFUSED" ? (
          <TextField
            label="Einde van de erkenning"
            type="date"
            required
            hint={page.recognitionStartsOn ? `De erkenning begint op ${formatDate(page.recognitionStartsOn)}.` : undefined}
            {...form.field("recognitionEndsOn")}
          />
        ) : null}
        <div className={errors.motivation ? "field field--error" : "field"}>
          <label htmlFor="veld-motivation">Motivering</label>
          {errors.motivation ? <p className="field-error">{errors.motivation}</p> : null}
          <textarea id="veld-motivation" rows={5} {...form.register("motivation")} />
        </div>
        <SubmitButton busyLabel="Bezig met beslissen…">Bevestigen</SubmitButton>
      </Form>
    </section>
  );
}

function NoteForm({ outcome }: { outcome: FormOutcome }) {
  const failed = failure(outcome);
  const form = useZodForm(noteFormSchema, { defaultValues: { text: failed?.values?.text ?? "" }, serverErrors: failed?.errors });
  return (
    <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="form" value="note" />
      <div className={form.errors.text ? "field field--error" : "field"}>
        <label htmlFor="veld-text">Nieuwe notitie</label>
        {form.errors.text ? <p className="field-error">{form.errors.text}</p> : null}
        <textarea id="veld-text" rows={3} {...form.register("text")} />
      </div>
      <SubmitButton busyLabel="Bezig met toevoegen…" className="button button--secondary">
        Notitie toevoegen
      </SubmitButton>
    </Form>
  );
}
