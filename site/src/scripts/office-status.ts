/**
 * The office status line («Открыто до 18:00», «Закрыто, откроется завтра в 8:00») and today's row of the weekly
 * hours table, worked out in the browser at the moment of viewing: a static page cannot know them. A plain
 * script under 3 KB gzip (the small-script budget in package.json) instead of a React island; it reads the
 * schedules, the production calendar and the company's time zone from the page's
 * `<script type="application/json" data-office-hours>` block (OfficeHoursData.astro). Without JavaScript
 * nothing is added and the weekly hours say everything.
 *
 * Page contract: `[data-office-status="<slug>"]` gets the status line; `[data-office-hours-table="<slug>"]`
 * marks its `tr[data-weekday]` of today and fills that row's `[data-today-note]` on an unusual day.
 */
import { officeStatusViewsAt, type OfficeHoursPageData } from '@portal/core/office-status';

function readData(): OfficeHoursPageData | null {
  const block = document.querySelector('script[data-office-hours]');
  try {
    const data = JSON.parse(block?.textContent ?? 'null') as OfficeHoursPageData | null;
    return data && typeof data.timeZone === 'string' && data.calendar && data.offices ? data : null;
  } catch {
    return null;
  }
}

function render(data: OfficeHoursPageData): void {
  const views = officeStatusViewsAt(data, new Date());
  const viewOf = (slug: string | undefined) => (slug ? views(slug) : null);

  for (const line of document.querySelectorAll<HTMLElement>('[data-office-status]')) {
    const view = viewOf(line.dataset.officeStatus);
    // Unchanged text is left alone: the office page's line is a live region, and rewriting it every minute
    // would have screen readers repeat it every minute.
    if (!view || line.dataset.shown === view.text) continue;
    line.dataset.shown = view.text;
    const lead = document.createElement('span');
    lead.className = 'visually-hidden';
    lead.textContent = 'Сейчас: ';
    line.replaceChildren(lead, view.text);
    line.classList.toggle('office-status--open', view.status.open);
    line.classList.toggle('office-status--closed', !view.status.open);
  }

  for (const table of document.querySelectorAll<HTMLElement>('[data-office-hours-table]')) {
    const view = viewOf(table.dataset.officeHoursTable);
    if (!view) continue;
    for (const row of table.querySelectorAll<HTMLElement>('tr[data-weekday]')) {
      const today = row.dataset.weekday === String(view.weekday);
      row.classList.toggle('is-today', today);
      if (today) row.setAttribute('aria-current', 'date');
      else row.removeAttribute('aria-current');
      const note = row.querySelector('[data-today-note]');
      if (note) note.textContent = today ? view.note : '';
    }
  }
}

const data = readData();
if (data) {
  const update = () => {
    try {
      render(data);
    } catch {
      // An unknown time zone or damaged data: the page keeps its static hours, which are complete.
    }
  };
  update();
  // The status changes at whole minutes (opening, lunch, closing); a page restored from the back-forward
  // cache shows the moment it was left, so it is brought up to date at once.
  window.setInterval(update, 60_000);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) update();
  });
}
