// Answers the server gives itself, before or instead of the Remix app: a short Dutch page for
// browsers (plain text for other clients), and a careful close when the body was not read.

const LINGER_MS = 2_000;

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]);

function page(title, message) {
  return `<!doctype html>
<html lang="nl-BE">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} | Subsidieportaal AgII</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<p>Agentschap Integratie en Inburgering · Subsidieportaal</p>
<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Naar de startpagina</a></p></main>
</body>
</html>
`;
}

/** Sends a refusal with a Dutch title and message; never reads the request body. */
export function refuse(req, res, status, title, message) {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  closeIfBodyUnread(req, res);
  res.status(status);
  if (req.accepts(["html", "text"]) === "html") res.type("html").send(page(title, message));
  else res.type("text").send(`${title}\n\n${message}\n`);
}

/**
 * Call before sending a response while the request body may still be arriving. The connection
 * then closes after the response, since the rest of the body will not be read. For a moment we
 * go on reading (and discarding) what the client still sends: closing a socket with unread data
 * makes the kernel answer with a reset, and a browser that is still uploading would then show
 * "connection reset" instead of our page (the "lingering close" of Apache and nginx).
 */
export function closeIfBodyUnread(req, res) {
  if (req.complete || req.method === "GET" || req.method === "HEAD") return;
  res.setHeader("Connection", "close");
  const socket = req.socket;
  // Node ends a "Connection: close" response with destroySoon(); we end it gently instead.
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    req.unpipe();
    req.on("data", () => {});
    req.once("end", () => (socket.writableFinished ? socket.destroy() : socket.once("finish", () => socket.destroy())));
    req.resume();
  };
}
