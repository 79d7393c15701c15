import { Outlet } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { RouteErrorPage } from "~/components/error-page";
import { useRootData } from "~/utils/root-data";

// The layout of the administrators' pages (/beheer/...): their navigation, then the page. It
// has no loader on purpose: every page's loader and action checks the ADMIN role itself, since
// a layout's loader does not run for, and so does not guard, its children's actions.
export default function AdminLayout() {
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  );
}

/** An error on an admin page keeps the navigation, for an administrator; anyone else gets the message alone. */
export function ErrorBoundary() {
  const viewer = useRootData()?.viewer;
  return (
    <>
      {viewer?.staffRoles.includes("ADMIN") ? <AdminNav /> : null}
      <RouteErrorPage />
    </>
  );
}
