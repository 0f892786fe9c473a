import { z } from 'zod';

/** Who a piece of content is written for: individuals (ФЛ), legal entities and entrepreneurs (ЮЛ), or both. */
export const AUDIENCES = ['fl', 'ul', 'all'] as const;

/** Audience code as stored in the CMS and used in URLs and search filters. */
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.output<typeof AudienceSchema>;

/** Russian labels shown to visitors and editors. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  fl: 'Физическим лицам',
  ul: 'Юридическим лицам',
  all: 'Всем клиентам',
};
