import { questionnairePath, questionnaireRuns, type PublicQuestionnaire } from '@portal/core/questionnaire';
import type { RunningQuestionnaire } from '@portal/core/site-facts';
import type { SiteExport } from '@portal/core/site-export';
import { siteToday } from './today';

/** The questionnaires running on the build's day (company-local): each gets its page. */
export function runningQuestionnaires(data: SiteExport): PublicQuestionnaire[] {
  const today = siteToday(data.company.timeZone);
  return data.questionnaires.filter((questionnaire) => questionnaireRuns(questionnaire, today));
}

/** The home page's «Анкета клиента» banner: the running questionnaire with the banner on that ends first. */
export function bannerQuestionnaire(data: SiteExport): RunningQuestionnaire | null {
  const [first] = runningQuestionnaires(data)
    .filter((questionnaire) => questionnaire.homeBanner)
    .sort((a, b) => a.to.localeCompare(b.to));
  return first ? { title: first.title, href: questionnairePath(first.slug) } : null;
}
