import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HELP = `Usage: cfpmatch serve [--host 127.0.0.1] [--port 8787] [--data <dir>]

Serve the HTTP API and web page. ADMIN_TOKEN enables the mutating routes.`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { host: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const entry = fileURLToPath(new URL('../../entry/node.js', import.meta.url));
  const env = {
    ...process.env,
    ...(values.host ? { HOST: values.host } : {}),
    ...(values.port ? { PORT: values.port } : {}),
    ...(values.data ? { DATA_DIR: values.data } : {}),
  };
  // The server runs as its own process so signals reach its graceful shutdown directly.
  const child = spawn(process.execPath, [entry], { env, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}
