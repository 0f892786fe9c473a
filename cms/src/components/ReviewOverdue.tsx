import type { ServerProps } from 'payload';
import { formatStaffDate } from './staff-dates';
import { overdueForReview } from '../publishing/review';

/** Dashboard panel: materials whose «проверить до» date has passed, with links to them. Editors and admins only. */
export async function ReviewOverdue({ payload, user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!roles.some((role) => role === 'admin' || role === 'editor')) return null;
  const items = await overdueForReview(payload);
  return (
    <section aria-labelledby="portal-review-overdue" className="portal-dashboard-panel">
      <h2 id="portal-review-overdue" className="portal-dashboard-panel__title">
        Пора проверить
      </h2>
      {items.length === 0 ? (
        <p>Просроченных проверок нет: все сведения с датой «Проверить до» ещё актуальны.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.target}:${String(item.id)}`}>
              {item.targetLabel}: <a href={item.adminPath}>{item.title}</a> — проверить до {formatStaffDate(item.reviewBy)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
