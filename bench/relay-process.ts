/** The parent's handle on bench/relay-host.ts: the bare relay in its own process, called like the companion. */
import { fork } from 'node:child_process';
import type { IrpSessionConfig } from '../companion/src/irp';

export interface RelayProcess {
  pid: number;
  /** One invoice through the relay, with the same client as the companion's (fetch, JSON body). */
  generate(invoice: unknown): Promise<void>;
  stop(): Promise<void>;
}

export async function startRelayProcess(config: IrpSessionConfig): Promise<RelayProcess> {
  const child = fork(new URL('./relay-host.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code) => reject(new Error(`the relay process exited (${code}) before it listened`)));
    child.send(config);
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    pid: child.pid!,
    async generate(invoice) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ invoice }) });
      const json = JSON.parse(await res.text()) as { Irn?: string };
      if (res.status !== 200 || typeof json.Irn !== 'string') throw new Error(`relay: HTTP ${res.status}`);
    },
    async stop() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
