import { hasPermission, useSaldo } from '../store';
import '../styles/accounts.css';
import { CreateAccountsForm } from './CreateAccountsForm';
import { RegistrationsPanel } from './RegistrationsPanel';

/** Residents' portal accounts in the Data to WWW tab: activation letters (with the exchange right) and who registered when. */
export function PortalAccountsSection() {
  const status = useSaldo((s) => s.status);
  if (!hasPermission(status, 'source.read')) return null;
  return (
    <>
      {hasPermission(status, 'exchange.run') ? <CreateAccountsForm /> : null}
      <RegistrationsPanel />
    </>
  );
}
