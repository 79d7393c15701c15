import { Outlet } from "@remix-run/react";
import { RouteErrorPage } from "~/components/error-page";
import { StaffNav } from "~/components/staff-nav";
import { useRootData } from "~/utils/root-data";

// The layout of the review area (/te-beoordelen/...): its navigation, then the page. No loader:
// each page checks the staff roles it needs itself (the queue is for reviewers and deciders,
// the comparisons and call overviews also for administrators).
export default function StaffLayout() {
  return (
    <>
      <StaffNav staffRoles={useRootData()?.viewer?.staffRoles ?? []} />
      <Outlet />
    </>
  );
}

/** An error in the review area keeps the navigation for staff; anyone else gets the message alone. */
export function ErrorBoundary() {
  return (
    <>
      <StaffNav staffRoles={useRootData()?.viewer?.staffRoles ?? []} />
      <RouteErrorPage />
    </>
  );
}
