// The `cofre` command line: every command, global flags, and one-line errors with a non-zero exit.
import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../core';
import { registerBackupCommands } from './commands/backup';
import { registerBillCommands } from './commands/bills';
import { registerDataCommands } from './commands/data-commands';
import { registerInvestmentCommands } from './commands/investments';
import { registerMigrateCommand } from './commands/migrate';
import { registerRelayCommand } from './commands/relay';
import { registerSandboxCommand } from './commands/sandbox';
import { registerServeCommand } from './commands/serve';
import { registerRulesCommand } from './commands/rules';

const program = new Command()
  .name('cofre')
  .description('Cofre: your bank links through Open Finance (Pluggy), in an encrypted local database')
  .version(APP_VERSION, '-v, --version')
  .showHelpAfterError('(run `cofre --help` for usage)')
  .exitOverride();

registerServeCommand(program);
registerSandboxCommand(program);
registerDataCommands(program);
registerRelayCommand(program);
registerMigrateCommand(program);
registerBackupCommands(program);
registerInvestmentCommands(program);
registerBillCommands(program);
registerRulesCommand(program);

// `cofre export … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line reason; help and version exit with 0.
    process.exit(error.exitCode);
  }
  console.error(`cofre: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
