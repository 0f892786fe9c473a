import type { AdminViewServerProps } from 'payload';
import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import { canUseChatConsole, rolesOf } from '../access/roles';
import { ChatConsole } from './ChatConsole';

/**
 * «Онлайн-консультант» (/admin/chat-console): the operators' console of the site chat (issue 19). The page is a
 * shell; the console itself (ChatConsole) talks to /api/chat-console/*, which checks the role again on every call.
 */
export function ChatConsoleView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { payload, user } = req;
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={payload} permissions={permissions} req={req} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter>
        <h1>Онлайн-консультант</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  );
  if (!user) return template(<p>Пожалуйста, <a href="/admin/login">войдите</a>, чтобы открыть консоль.</p>);
  if (!canUseChatConsole(rolesOf(req))) return template(<p>Консоль онлайн-консультанта доступна специалистам по обращениям, руководителям и администраторам.</p>);
  const canRegister = rolesOf(req).includes('handler') || rolesOf(req).includes('admin');
  const first = searchParams?.c;
  return template(<ChatConsole canRegister={canRegister} initialConversation={typeof first === 'string' ? first : null} />);
}
