/** npm start: the production server (configuration from the environment; no demo, no sink). */
const { servePortal, stopOnSignals } = await import("./serve");
const portal = await servePortal();
stopOnSignals(portal.stop);
console.log(JSON.stringify({ level: "info", msg: "portal listening", url: portal.url }));
export {};
