import type { ServerProps } from 'payload';
import { canModerate } from '../access/roles';
import { MODERATION_VIEW_PATH } from './moderation-path';

/** «Модерация» in the admin's side navigation, for moderators and administrators. */
export function ModerationNavLink({ user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!canModerate(roles)) return null;
  return (
    <a className="nav__link" href={`/admin${MODERATION_VIEW_PATH}`} style={{ display: 'block', marginBlock: '0.5rem' }}>
      <span className="nav__link-label">Модерация</span>
    </a>
  );
}
