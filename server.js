// The portal's web server: `npm run serve` (and `npm start`). One process (server/web.js), or
// WEB_CONCURRENCY of them on PostgreSQL (server/cluster.js).
import cluster from "node:cluster";
import { runPrimary, webProcesses } from "./server/cluster.js";

const count = webProcesses();
if (cluster.isPrimary && count > 1) runPrimary(count);
else await import("./server/web.js");
