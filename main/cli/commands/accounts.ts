// `saldo portal …` and `saldo report funds` commands.
// Part A (portal accounts, registrations) and part B (payments, funds) register their own; both
// hang their subcommands under the one `portal` command that portalCommand() finds or creates.

import type { Command } from 'commander';
import type { RegisterCommands } from '../context';
import { registerPortalAccountsCommands } from '../../accounts/cli-commands';
import { registerPaymentsCommands } from '../../accounts/payments-cli';

/** The `portal` command group, shared by the feature's parts (whichever registers first creates it). */
export function portalCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'portal') ?? program.command('portal').description('the residents’ portal: accounts, registrations, payments');
}

export const registerAccountsCommands: RegisterCommands = (program, cli) => {
  // Part A: saldo portal accounts create, saldo portal registrations sync (main/accounts/cli-commands.ts).
  registerPortalAccountsCommands(portalCommand(program), cli);
  // Part B: saldo portal payments import (main/accounts/payments-cli.ts); `saldo report funds
  // --period` goes through the existing `report` command of main/cli/main.ts, which calls reportFunds.
  registerPaymentsCommands(portalCommand(program), cli);
};
