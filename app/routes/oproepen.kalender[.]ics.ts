import type { LoaderFunctionArgs } from "@remix-run/node";
import { deadlineCalendar } from "~/calendar/deadlines-feed.server";
import { publicUrl } from "~/utils/url.server";

// Public, like the calls page: the deadlines of open and upcoming calls as an iCalendar feed.
export async function loader({ request }: LoaderFunctionArgs) {
  const body = await deadlineCalendar((callId) => publicUrl(request, `/oproepen/${callId}`));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="agii-oproepen.ics"',
      // Calendar apps poll subscriptions; a changed deadline should reach them within the hour.
      "Cache-Control": "public, max-age=900",
    },
  });
}
