import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { searchUsers } from "~/admin/users.server";
import { requireStaff } from "~/auth/viewer.server";
import { SearchField, SelectField } from "~/components/admin-fields";
import { Pagination } from "~/components/admin-nav";
import { STAFF_ROLE_LABELS, STAFF_ROLES, staffRoleSchema } from "~/domain/roles";
import { formatDateTime } from "~/utils/time-format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Gebruikers | Beheer | Subsidieportaal AgII" }];

const filterSchema = z.object({
  q: z.catch(z.optional(z.string().check(z.maxLength(100))), undefined),
  status: z.catch(z.optional(z.enum(["active", "deactivated"])), undefined),
  rol: z.catch(z.optional(z.union([staffRoleSchema, z.literal("NONE")])), undefined),
  pagina: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000))), undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return searchUsers({ q: filter.q, status: filter.status, role: filter.rol, page: filter.pagina });
}

export default function UsersPage() {
  const { users, total, page, pages } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <section>
      <h1>Gebruikers</h1>
      <p>
        Nieuwe gebruikers nodigt u uit vanuit de pagina van hun organisatie (<Link to="/beheer/organisaties">Organisaties</Link>).
      </p>
      <Form method="get" action="/beheer/gebruikers" className="filters" role="search" aria-label="Gebruikers zoeken">
        <SearchField name="q" label="Zoeken" hint="Naam, e-mailadres of organisatie" defaultValue={search.get("q") ?? ""} />
        <SelectField
          name="status"
          label="Account"
          placeholder="Alle accounts"
          defaultValue={search.get("status") ?? ""}
          options={[
            { value: "active", label: "Actief" },
            { value: "deactivated", label: "Gedeactiveerd" },
          ]}
          filter
        />
        <SelectField
          name="rol"
          label="Rol bij het agentschap"
          placeholder="Alle gebruikers"
          defaultValue={search.get("rol") ?? ""}
          options={[
            ...STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] })),
            { value: "NONE", label: "Geen (gebruikers van organisaties)" },
          ]}
          filter
        />
        <button type="submit" className="button">
          Zoeken
        </button>
      </Form>
      <p role="status">{total === 1 ? "1 gebruiker gevonden." : `${total} gebruikers gevonden.`}</p>
      <TableRegion label="Gebruikers">
        <table>
          <caption className="visually-hidden">Gebruikers</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">E-mailadres</th>
              <th scope="col">Organisaties</th>
              <th scope="col">Rollen</th>
              <th scope="col">Laatst aangemeld</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/beheer/gebruikers/${user.id}`}>
                    {user.firstName} {user.lastName}
                  </Link>
                </td>
                <td>{user.email}</td>
                <td>
                  {user.memberships.length === 0
                    ? "—"
                    : user.memberships.map((m) => `${m.name}${m.readOnly ? " (opgegaan in fusie)" : ""}`).join(", ")}
                </td>
                <td>{user.staffRoles.length === 0 ? "—" : user.staffRoles.map((role) => STAFF_ROLE_LABELS[role]).join(", ")}</td>
                <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "nooit"}</td>
                <td>{user.deactivatedAt ? `Gedeactiveerd op ${formatDateTime(user.deactivatedAt)}` : "Actief"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={page} pages={pages} search={search} />
    </section>
  );
}
