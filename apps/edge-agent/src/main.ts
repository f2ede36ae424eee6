#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import { EdgeAgent } from './agent';

// dg-edge-agent --platform URL --serial SERIAL [--token TOKEN] [--credential-file FILE] [--app-version V]
// Enrolls with the token when there is no stored credential, then heartbeats until SIGINT/SIGTERM or revocation.

// `pnpm start -- --platform …` hands the script a leading `--`.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    platform: { type: 'string', default: process.env.DG_PLATFORM_URL ?? 'http://127.0.0.1:8787' },
    serial: { type: 'string', default: process.env.DG_NODE_SERIAL },
    token: { type: 'string', default: process.env.DG_ENROLLMENT_TOKEN },
    'credential-file': {
      type: 'string',
      default: process.env.DG_CREDENTIAL_FILE ?? 'data/edge-agent/credential.json',
    },
    'app-version': { type: 'string', default: '0.1.0' },
    'interval-s': { type: 'string' },
  },
});

if (!values.serial) {
  process.stderr.write(
    'usage: dg-edge-agent --platform URL --serial SERIAL [--token TOKEN] [--credential-file FILE]\n',
  );
  process.exit(2);
}

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());

const agent = new EdgeAgent({
  platformUrl: values.platform,
  serial: values.serial,
  token: values.token,
  credentialFile: values['credential-file'],
  appVersion: values['app-version'],
  ...(values['interval-s'] && { intervalMs: Number(values['interval-s']) * 1000 }),
  onEvent: (event) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`),
});
const { reason } = await agent.run(controller.signal);
process.exit(reason === 'aborted' ? 0 : 1);
