// Which paths take file uploads: the routes whose module says so with
// `export const handle = { acceptsFiles: true }`, so the list lives next to the upload code.

/** A matcher for request paths (also Remix's `.data` requests) of the routes that take files. */
export function routesAcceptingFiles(build) {
  const patterns = Object.values(build.routes)
    .filter((route) => route.module.handle?.acceptsFiles === true)
    .map((route) => pathPattern(fullPath(build.routes, route)));
  return (path) => {
    const page = path.replace(/\.data$/, "").replace(/^\/_root$/, "/");
    return patterns.some((pattern) => pattern.test(page));
  };
}

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
