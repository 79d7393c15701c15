import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { SearchField, SelectField } from "~/components/admin-fields";
import { DecisionDeadlineList } from "~/components/decision-deadlines";
import { fieldId } from "~/components/forms";
import { NumberedPagination } from "~/components/pagination";
import { QueueTable } from "~/components/queue-table";
import { APPLICATION_STATUS_LABELS } from "~/domain/application-status";
import { PROVINCES } from "~/domain/organisation";
import { REVIEW_ROLES } from "~/domain/permissions";
import { openDecisionDeadlines } from "~/review/call-overview.server";
import { describeOverdue } from "~/review/decision-deadline";
import {
  QUEUE_DIRECTION_LABELS,
  QUEUE_DIRECTIONS,
  QUEUE_SORT_LABELS,
  QUEUE_SORTS,
  QUEUE_STATUS_OPTIONS,
  describeResultCount,
  parseQueueSearch,
  queueSearch,
} from "~/review/queue";
import { loadQueue, queueShortcuts } from "~/review/queue.server";
import { now } from "~/utils/clock.server";
import { RecognitionLinks } from "~/components/recognition-links";
import { recognitionCallLinks } from "~/review/recognition-comparison.server";

export const meta: MetaFunction = () => [{ title: "Te beoordelen | Subsidieportaal AgII" }];

// The whole queue state lives in the query string: a GET form, shareable, works without JavaScript.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request, ...REVIEW_ROLES);
  const context = { viewerId: viewer.userId, now: now() };
  const filter = parseQueueSearch(new URL(request.url).searchParams);
  const [queue, shortcuts, deadlines, recognitionCalls] = await Promise.all([
    loadQueue(filter, context),
    queueShortcuts(context),
    openDecisionDeadlines(context.now),
    recognitionCallLinks({ withCandidatesOnly: true }),
  ]);
  return { queue, shortcuts, deadlines, recognitionCalls };
}

export default function StaffQueue() {
  const { queue, shortcuts, deadlines, recognitionCalls } = useLoaderData<typeof loader>();
  const { filter, options } = queue;
  const pageHref = (page: number) => `/te-beoordelen${queueSearch(filter, { page })}`;
  return (
    <section>
      <h1>Te beoordelen</h1>

      {/* The table comes first; the shortcuts, deadlines and recognition links follow it. */}
      <h2>Dossiers</h2>
      {/* A new key per result resets the uncontrolled fields to the filter in the address. */}
      <Form
        method="get"
        action="/te-beoordelen"
        className="filters queue-filters"
        role="search"
        aria-label="Dossiers filteren"
        key={queueSearch(filter)}
      >
        <SearchField name="q" label="Zoeken" hint="Dossiernummer, naam van de organisatie of NIS-code" defaultValue={filter.q ?? ""} />
        <SelectField
          name="programma"
          label="Programma"
          placeholder="Alle programma's"
          defaultValue={filter.programme ?? ""}
          options={options.programmes.map((p) => ({ value: p.code, label: p.name }))}
          filter
        />
        <SelectField
          name="oproep"
          label="Oproep"
          placeholder="Alle oproepen"
          defaultValue={filter.callId ?? ""}
          options={options.calls.map((c) => ({ value: c.id, label: c.title }))}
          filter
        />
        <SelectField name="status" label="Status" defaultValue={filter.status} options={QUEUE_STATUS_OPTIONS} filter />
        <SelectField
          name="provincie"
          label="Provincie"
          placeholder="Alle provincies"
          defaultValue={filter.province ?? ""}
          options={PROVINCES.map((province) => ({ value: province, label: province }))}
          filter
        />
        <SelectField
          name="toegewezen"
          label="Toegewezen aan"
          placeholder="Iedereen"
          defaultValue={filter.assignee ?? ""}
          options={[
            { value: "mij", label: "Aan mij" },
            { value: "niemand", label: "Nog niet toegewezen" },
            ...options.reviewers.map((r) => ({ value: r.id, label: r.name })),
          ]}
          filter
        />
        <SelectField
          name="sorteer"
          label="Sorteren op"
          defaultValue={filter.sort}
          options={QUEUE_SORTS.map((sort) => ({ value: sort, label: QUEUE_SORT_LABELS[sort] }))}
          filter
        />
        <SelectField
          name="volgorde"
          label="Volgorde"
          defaultValue={filter.direction}
          options={QUEUE_DIRECTIONS.map((direction) => ({ value: direction, label: QUEUE_DIRECTION_LABELS[direction] }))}
          filter
        />
        <div className="field choice queue-filters__overdue">
          <input type="checkbox" id={fieldId("achterstand")} name="achterstand" value="ja" defaultChecked={filter.overdue} />
          <label htmlFor={fieldId("achterstand")}>Alleen dossiers over tijd</label>
        </div>
        <div className="queue-filters__actions">
          <button type="submit" className="button">
            Filteren
          </button>
          <Link to="/te-beoordelen">Filters wissen</Link>
        </div>
      </Form>

      <p role="status" className="queue-count">
        {describeResultCount(queue.total)}
        {queue.pages > 1 ? ` Pagina ${queue.page} van ${queue.pages}.` : null}
      </p>
      <QueueTable
        rows={queue.rows}
        caption={`Dossiers, pagina ${queue.page} van ${queue.pages}`}
        sort={filter.sort}
        direction={filter.direction}
      />
      <NumberedPagination page={queue.page} pages={queue.pages} href={pageHref} label="Paginering van de dossiers" />

      <nav aria-labelledby="snel-naar-titel" className="queue-shortcuts">
        <h2 id="snel-naar-titel">Snel naar</h2>
        <ul>
          <li>
            <Link to="/te-beoordelen?toegewezen=mij">Aan mij toegewezen ({shortcuts.mine})</Link>
          </li>
          {shortcuts.perStatus.map(({ status, count }) => (
            <li key={status}>
              <Link to={`/te-beoordelen?status=${status}`}>
                {APPLICATION_STATUS_LABELS[status]} ({count})
              </Link>
            </li>
          ))}
          <li>
            <Link to="/te-beoordelen?achterstand=ja">
              {shortcuts.overdue === 0 ? "Geen dossiers over tijd" : describeOverdue(shortcuts.overdue)}
            </Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="termijnen-titel">
        <h2 id="termijnen-titel">Beslissingstermijnen</h2>
        <DecisionDeadlineList lines={deadlines} />
      </section>

      <RecognitionLinks calls={recognitionCalls} />
    </section>
  );
}
