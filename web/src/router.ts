import { useEffect, useState } from 'react';

/** The page being shown, from the address bar (the server answers every page path with the client). */
export type Route =
  | { page: 'sessions' }
  | { page: 'session'; id: string; checkIn: string | null }
  | { page: 'progress'; id: string }
  | { page: 'data' };

/** Reads a route from a path and query string. */
export function parseRoute(pathname: string, search: string): Route {
  const session = /^\/sessions\/([^/]+)(\/progress)?\/?$/.exec(pathname);
  if (session) {
    const id = decodeURIComponent(session[1]);
    if (session[2]) return { page: 'progress', id };
    return { page: 'session', id, checkIn: new URLSearchParams(search).get('checkin') };
  }
  if (/^\/data\/?$/.test(pathname)) return { page: 'data' };
  return { page: 'sessions' };
}

/** Goes to `href` without reloading the page. */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route, kept in step with back/forward and {@link navigate}. */
export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => {
      setRoute(read());
      window.scrollTo(0, 0);
    };
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}

/** Click handler for in-app links: plain clicks navigate in place, modified clicks behave as usual. */
export function linkTo(href: string) {
  return (event: React.MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };
}
