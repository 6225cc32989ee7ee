/**
 * The web reading room: the whole lexicon in a browser, with permalinks, behind signed links.
 */
export { createWebApp, ACCESS_COOKIE, type WebAppOptions } from './app.js';
export { readingRoomUrl, signToken, verifyToken, webSettings, type WebSettings } from './access.js';
export { startWebServer, webRequestListener, type WebServer } from './server.js';
export { entryPath, searchPath } from './paths.js';
