// Posts that do heavy work at one moment for everyone (the submit button at a deadline) are
// handled a few at a time; the others wait their turn here, before any work is done for them,
// instead of all at once on the one JavaScript thread. The receipt page every submit leads to
// is as heavy, so it has a queue of its own; pages and autosaves stay fast meanwhile. Waiting costs nobody the deadline: a submit counts from its arrival
// (res.locals.receivedAt, docs/decisions/0032).

/**
 * Middleware letting at most `limit` matching requests (posts unless `methods` says otherwise)
 * run at once, in order of arrival.
 */
export function admission({ limit, matches, methods = ["POST"] }) {
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
    if (!methods.includes(req.method) || !matches(req.path)) return next();
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
