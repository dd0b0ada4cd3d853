// `saldo readings …` commands.

import type { RegisterCommands } from '../context';

export const registerReadingsCommands: RegisterCommands = () => {};
