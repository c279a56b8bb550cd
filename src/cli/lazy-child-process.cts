/*
 * Stands in for node:child_process in the bundle (esbuild --alias). commander requires it at load
 * for executable subcommands, which loss-demo has none of; loading it also loads net, dgram and
 * the stream modules, several milliseconds of every run. It is required on first use instead.
 */
import type * as ChildProcess from 'node:child_process';

module.exports = new Proxy({}, {
  get: (_target, key: string) => (require('node:child_process') as typeof ChildProcess)[key as keyof typeof ChildProcess],
});
