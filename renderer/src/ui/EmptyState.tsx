import type { ReactNode } from 'react';
import '../styles/empty.css';

export function EmptyState({ title, children, tag, testId }: { title: string; children?: ReactNode; tag?: string; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-icon" aria-hidden="true" />
      {tag ? <div className="empty-tag">{tag}</div> : null}
      <h2 className="empty-title">{title}</h2>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}
