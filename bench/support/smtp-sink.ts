// A real SMTP server on 127.0.0.1 for the benchmarks, in a process of its own: it accepts every
// message and throws it away unparsed, so that receiving the e-mails costs the measuring process
// nothing (bench/burst.ts times its clients in its own event loop). Prints its port, then a
// count per message on request ("count\n" on stdin).
import { SMTPServer } from "smtp-server";

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received += 1;
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
process.stdin.on("data", () => console.log(JSON.stringify({ received })));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
