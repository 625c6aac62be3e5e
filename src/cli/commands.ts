import type { Command } from 'commander';
import { registerCheck } from './checkCommand.ts';
import { registerDb } from './dbCommand.ts';
import { registerExport } from './exportCommand.ts';
import { registerImport } from './importCommand.ts';
import { registerInspect } from './inspectCommand.ts';
import { registerServe } from './serveCommand.ts';
import { registerUser } from './userCommand.ts';
import { registerWorker } from './workerCommand.ts';

/** Sets the process exit code for the current command. */
export type SetExitCode = (code: number) => void;

/** A command module adds one subcommand to the program. One file per command. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;

export const commands: RegisterCommand[] = [
  registerInspect,
  registerServe,
  registerExport,
  registerImport,
  registerCheck,
  registerUser,
  registerDb,
  registerWorker,
];
