// `saldo portal …` and `saldo report funds` commands.

import type { RegisterCommands } from '../context';

export const registerAccountsCommands: RegisterCommands = () => {};
