export { freePort, waitForPort } from '../../scripts/launcher/net';
export { startNats, type TestNats } from '../../scripts/launcher/nats-child';
