// What the server treats specially per route, as the route module says in its `handle`, so that
// the list lives next to the route: `acceptsFiles: true` (uploads, server/body-limit.js) and
// `queuedPosts: true` and `queuedReads: true` (posts, or page views, handled a few at a time,
// server/admission.js).

/** A matcher for request paths (also Remix's `.data` requests) of the routes whose handle has `flag`. */
function routesFlagged(build, flag) {
  const patterns = Object.values(build.routes)
    .filter((route) => route.module.handle?.[flag] === true)
    .map((route) => pathPattern(fullPath(build.routes, route)));
  return (path) => {
    const page = path.replace(/\.data$/, "").replace(/^\/_root$/, "/");
    return patterns.some((pattern) => pattern.test(page));
  };
}

export const routesAcceptingFiles = (build) => routesFlagged(build, "acceptsFiles");
export const routesWithQueuedPosts = (build) => routesFlagged(build, "queuedPosts");
export const routesWithQueuedReads = (build) => routesFlagged(build, "queuedReads");

function fullPath(routes, route) {
  const segments = [];
  for (let current = route; current; current = routes[current.parentId]) {
    if (current.path) segments.unshift(current.path);
  }
  return `/${segments.join("/")}`;
}

function pathPattern(path) {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment === "*" ? ".*" : escapeRegExp(segment)))
    .join("/");
  return new RegExp(`^${source}/?$`);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
