import net from "node:net";

/** A TCP port free on 127.0.0.1 right now, for a server a test or a bench starts (PostgreSQL, slapd, nginx…). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
