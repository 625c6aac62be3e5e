import type { Command } from 'commander';
import { registerInspect } from './inspectCommand.ts';

/** Sets the process exit code for the current command. */
export type SetExitCode = (code: number) => void;

/** A command module adds one subcommand to the program. One file per command. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;

export const commands: RegisterCommand[] = [registerInspect];
