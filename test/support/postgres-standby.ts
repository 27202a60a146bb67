/**
 * A streaming standby of a test cluster (postgres-cluster.ts), made as an operator makes one:
 * `pg_basebackup -R` from the running primary, then started on its own port in hot standby.
 * `stop()` shuts it down and removes its files.
 */
import { freePort, serverFolder, type PostgresCluster } from './postgres-cluster.ts';

export async function startStandby(primaryUrl: string): Promise<PostgresCluster> {
  const primary = new URL(primaryUrl);
  const server = await serverFolder('hailong-standby-');
  const port = await freePort();
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${server.dir} -c hot_standby=on`;
  // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
  await server.start(port, settings, 'the standby', () =>
    server.pgBin('pg_basebackup', [
      ...['-h', primary.hostname, '-p', primary.port, '-U', 'postgres'],
      ...['-D', server.data, '-R', '-X', 'stream', '-c', 'fast'],
    ]),
  );
  const url = new URL(primaryUrl);
  url.port = String(port);
  return { url: url.toString(), stop: server.stop };
}
