/** npm start: the production server (configuration from the environment; no demo, no sink). */
const { loadConfigOrExit, productionWorkers, servePortal, stopOnSignals } = await import("./serve");
const { log } = await import("../lib/log");
const workers = productionWorkers(loadConfigOrExit());
const portal = await servePortal({ workers });
stopOnSignals(portal.stop);
log.info({ url: portal.url, workers }, "portal listening");
export {};
