// Posts that do heavy work at one moment for everyone (the submit button at a deadline) are
// handled a few at a time; the others wait their turn here, before any work is done for them,
// instead of all at once on the one JavaScript thread. Pages, autosaves and receipts stay fast
// meanwhile. Waiting costs nobody the deadline: a submit counts from its arrival
// (res.locals.receivedAt, docs/decisions/0032).

/** Middleware letting at most `limit` matching posts run at once, in order of arrival. */
export function admission({ limit, matches }) {
  let running = 0;
  const waiting = [];
  const release = () => {
    running -= 1;
    while (waiting.length > 0 && running < limit) {
      const next = waiting.shift();
      if (next()) break;
    }
  };
  return (req, res, next) => {
    if (req.method !== "POST" || !matches(req.path)) return next();
    // Returns whether it started: a visitor who went away meanwhile is skipped.
    const start = () => {
      if (res.destroyed || res.writableEnded) return false;
      running += 1;
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      res.once("finish", done);
      res.once("close", done);
      next();
      return true;
    };
    if (running < limit) start();
    else waiting.push(start);
  };
}
