import type { Problem } from '../../../shared/domain/types';
import { useT } from '../i18n';

const SHOWN = 100;

export function ProblemTable({ problems }: { problems: Problem[] }) {
  const t = useT();
  if (problems.length === 0) return <p className="muted">{t.t('journal_noProblems')}</p>;
  const shown = problems.slice(0, SHOWN);
  return (
    <>
      <table className="problems" data-testid="run-problems">
        <thead>
          <tr>
            <th scope="col">{t.t('problem_code')}</th>
            <th scope="col">{t.t('problem_severity')}</th>
            <th scope="col">{t.t('problem_key')}</th>
            <th scope="col">{t.t('problem_message')}</th>
            <th scope="col">{t.t('problem_hint')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={i}>
              <td>
                <code>{p.code}</code>
              </td>
              <td>
                <span className={`severity severity-${p.severity}`}>{t.label('severity_', p.severity)}</span>
              </td>
              <td className="mono">{p.key ?? (p.file ? `${p.file}${p.line ? `:${p.line}` : ''}` : t.t('none'))}</td>
              <td>{p.message}</td>
              <td className="muted">{p.hint}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN ? (
        <p className="muted small">{t.t('journal_problemsShown', { shown: t.num(SHOWN), total: t.num(problems.length) })}</p>
      ) : null}
    </>
  );
}
