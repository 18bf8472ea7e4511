import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneV8ForServer } from '../cli/v8-tuning';
import { startServer } from './server';

/** Starts the language server on the transport named on the command line (--stdio, --node-ipc, --socket=N). */
export function main(): void {
  tuneV8ForServer();
  const connection = createConnection(ProposedFeatures.all);
  // a bug must cost one answer, not the server: log it and keep serving
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));
  startServer(connection);
}

if (require.main === module) main();
