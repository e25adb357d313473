import { startNats as startNatsOn, type TestNats } from '../../scripts/launcher/nats-child';
import { testPort } from './ports';

export { waitForPort } from '../../scripts/launcher/net';
export { testPort as freePort } from './ports';
export type { TestNats };

/** A real nats-server on a port of this test worker's own range (see ports.ts). */
export const startNats = async (): Promise<TestNats> => startNatsOn({ port: await testPort() });
