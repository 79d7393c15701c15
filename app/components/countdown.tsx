import { useEffect, useState } from "react";
import { isDeadlineNear } from "~/calls/call-state";
import { describeTimeLeft, timeLeft } from "~/utils/time-format";

/**
 * Time left until a deadline, ticking in the browser. It counts from the server's clock (sent
 * with the page) so a wrong clock on the user's PC does not show a wrong time left.
 */
export function Countdown({ until, serverNow }: { until: string; serverNow: string }) {
  const [at, setAt] = useState(() => new Date(serverNow));
  useEffect(() => {
    const skew = new Date(serverNow).getTime() - Date.now();
    const tick = () => setAt(new Date(Date.now() + skew));
    tick();
    const timer = window.setInterval(tick, 1_000);
    return () => window.clearInterval(timer);
  }, [serverNow]);
  const urgent = isDeadlineNear(until, at);
  return (
    <span className={urgent ? "countdown countdown--urgent" : "countdown"} suppressHydrationWarning>
      {describeTimeLeft(timeLeft(until, at))}
      {urgent ? <span className="visually-hidden"> (minder dan 48 uur)</span> : null}
    </span>
  );
}
