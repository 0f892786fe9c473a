import { loginToCms, richTextParagraph, type CmsClient } from '../../scripts/lib/cms-client';
import type { RunningStack } from '../../scripts/lib/stack';
import { summarize } from '../../scripts/lib/stats';

interface FaqDoc {
  id: number;
  slug: string;
  question: string;
  topic: { id: number; slug: string } | number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 200 ms until it is true; returns the moment it was, or throws after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return Date.now();
    await sleep(200);
  }
  throw new Error(`${what}: not seen within ${Math.round(timeoutMs / 1000)} s`);
}

/** Waits until no site build is queued or running (the site has caught up with every change). */
export async function waitForQuietBuilds(cms: CmsClient, timeoutMs = 600_000): Promise<void> {
  await until(async () => {
    const busy = await cms.request<{ totalDocs: number }>('GET', '/api/site-builds?limit=1&where[status][in]=queued,running');
    return busy.totalDocs === 0;
  }, timeoutMs, 'site builds settling');
}

/**
 * Publish-to-live latency: an editor publishes a changed FAQ question through the REST API; measured until the
 * public server serves the page with the new text AND the public search finds it. `edits` edits, one after another.
 */
export async function publishLatency(stack: RunningStack, options: { email: string; password: string; edits: number }) {
  const cms = await loginToCms(stack.cmsUrl, options.email, options.password);
  await waitForQuietBuilds(cms);
  const found = await cms.request<{ docs: FaqDoc[] }>('GET', '/api/faq?limit=1&depth=1&sort=slug&where[_status][equals]=published');
  const entry = found.docs[0];
  if (!entry || typeof entry.topic !== 'object') throw new Error('no published FAQ entry to edit');
  const pageUrl = `${stack.siteUrl}/faq/${entry.topic.slug}/${entry.slug}/`;
  const runId = Date.now().toString(36);
  const latencies: number[] = [];
  const pageOnly: number[] = [];
  for (let i = 0; i < options.edits; i++) {
    // A word no other entry has: the page and the search are checked for exactly this edit.
    const marker = `zamer${runId}n${i}`;
    const started = Date.now();
    await cms.request('PATCH', `/api/faq/${entry.id}`, { question: `${entry.question} ${marker}`, _status: 'published' });
    const [pageAt, searchAt] = await Promise.all([
      until(async () => (await (await fetch(pageUrl)).text()).includes(marker), 300_000, `page ${pageUrl}`),
      until(async () => {
        const result = (await (await fetch(`${stack.siteUrl}/api/search?q=${marker}`)).json()) as { hits?: { id: string }[] };
        return (result.hits ?? []).some((hit) => hit.id === entry.slug);
      }, 300_000, 'search'),
    ]);
    latencies.push(Math.max(pageAt, searchAt) - started);
    pageOnly.push(pageAt - started);
  }
  const pages = await cms.request<{ totalDocs: number }>('GET', '/api/faq?limit=1&where[_status][equals]=published');
  return { publishedFaq: pages.totalDocs, edits: options.edits, liveMs: summarize(latencies), pageMs: summarize(pageOnly) };
}

/**
 * Grows the site to `target` published FAQ entries through the REST API (as editors would), then waits for the
 * builds to settle. The entries go into the existing topics in turn.
 */
export async function generateFaq(stack: RunningStack, options: { email: string; password: string; target: number; concurrency?: number }): Promise<number> {
  const cms = await loginToCms(stack.cmsUrl, options.email, options.password);
  const topics = await cms.request<{ docs: { id: number }[] }>('GET', '/api/topics?limit=100&depth=0');
  const existing = await cms.request<{ totalDocs: number }>('GET', '/api/faq?limit=1');
  const missing = Math.max(0, options.target - existing.totalDocs);
  let next = 0;
  const worker = async () => {
    while (next < missing) {
      const i = next++;
      const topic = topics.docs[i % topics.docs.length]!;
      await cms.request('POST', '/api/faq', {
        question: `Сгенерированный вопрос для замера номер ${i + 1}: как это работает?`,
        slug: `zamer-vopros-${i + 1}`,
        topic: topic.id,
        audience: 'all',
        answer: richTextParagraph(`Сгенерированный ответ номер ${i + 1}. Текст нужен только для замера скорости сборки сайта.`),
        _status: 'published',
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  await waitForQuietBuilds(cms);
  return missing;
}
