import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** The server's origin, e.g. `http://127.0.0.1:8790`. */
  origin: string;
  port: number;
  /** Stops listening and ends open connections (hanging requests too). */
  close: () => Promise<void>;
}

/** Starts `server` listening on `port` (0: a free one) and `host`, once it does. */
export const listen = async (server: Server, port: number, host: string): Promise<Listening> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
