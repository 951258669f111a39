// Tandem's service worker (served at /sw.js, scope /): what a commune officer needs without a connection.
// - static assets (styles, scripts, icons) are served from the cache and refreshed in the background;
// - the situation-report form and the case pages the officer visited (or that offline.js fetched for the cases in
//   the inbox) are served from the network, and from the cache when there is none;
// nothing else is cached. Pages are per user: offline.js clears every cache when the user signs out.
import { clientsClaim } from 'workbox-core';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';

self.skipWaiting();
clientsClaim();

const sameOrigin = url => url.origin === self.location.origin;

registerRoute(
  ({ url }) => sameOrigin(url) && /^\/(css|js|webjars|vendor|img)\//.test(url.pathname),
  new StaleWhileRevalidate({ cacheName: 'tandem-static' })
);

// a page is kept only when it is the page itself: not a sign-in page the request was redirected to
const onlyThePage = {
  cacheWillUpdate: async ({ response }) => (response && response.ok && !response.redirected ? response : null)
};

registerRoute(
  ({ url, request }) => sameOrigin(url) && request.method === 'GET'
    && (url.pathname === '/situation/reports/new' || /^\/cases\/VV-\d{4}-\d{6}$/.test(url.pathname)),
  new NetworkFirst({
    cacheName: 'tandem-pages',
    networkTimeoutSeconds: 8,
    plugins: [onlyThePage],
    matchOptions: { ignoreVary: true, ignoreSearch: true }
  })
);
