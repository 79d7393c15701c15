import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { STAFF_WORK, staffWorklist } from "~/applications/applications.server";
import { requireStaff } from "~/auth/viewer.server";
import { ApplicationTable } from "~/components/application-table";
import { APPLICATION_STATUS_LABELS, applicationStatusSchema } from "~/domain/application-status";
import { hasRole } from "~/domain/permissions";

export const meta: MetaFunction = () => [{ title: "Te beoordelen | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request, "REVIEWER", "DECIDER");
  const [toReview, toDecide] = await Promise.all([
    hasRole(viewer, "REVIEWER") ? staffWorklist(STAFF_WORK.REVIEWER) : null,
    hasRole(viewer, "DECIDER") ? staffWorklist(STAFF_WORK.DECIDER) : null,
  ]);
  return { toReview, toDecide };
}

function Worklist({ title, list }: { title: string; list: NonNullable<Awaited<ReturnType<typeof staffWorklist>>> }) {
  return (
    <>
      <h2>{title}</h2>
      <ul className="cards">
        {Object.entries(list.counts).map(([status, count]) => (
          <li key={status} className="card">
            <span className="figure">{count}</span>
            {APPLICATION_STATUS_LABELS[applicationStatusSchema.parse(status)]}
          </li>
        ))}
      </ul>
      <ApplicationTable caption={`${title} (${list.total})`} items={list.items} showOrganisation />
    </>
  );
}

export default function StaffDashboard() {
  const { toReview, toDecide } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Te beoordelen</h1>
      {toDecide ? <Worklist title="Voorstellen om te beslissen" list={toDecide} /> : null}
      {toReview ? <Worklist title="Dossiers in behandeling" list={toReview} /> : null}
    </section>
  );
}
