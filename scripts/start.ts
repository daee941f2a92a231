/** npm start: the production server (configuration from the environment; no demo, no sink). */
const { servePortal, stopOnSignals } = await import("./serve");
const { log } = await import("../lib/log");
const portal = await servePortal();
stopOnSignals(portal.stop);
log.info({ url: portal.url }, "portal listening");
export {};
