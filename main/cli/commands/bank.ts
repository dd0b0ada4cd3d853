// `saldo bank …` commands.

import type { RegisterCommands } from '../context';

export const registerBankCommands: RegisterCommands = () => {};
