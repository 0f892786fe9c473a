import fs from 'node:fs';
import type { BenchContext } from '../context';
import { benchConfig } from '../config';
import { approveCampaign, campaignFigures, campaignMail, messageIdsPerAddress } from '../../scripts/lib/campaign-driver';

/**
 * A campaign to 20,000 addresses (BENCH_CAMPAIGN_RECIPIENTS) to the local sink at 30,000 letters a minute
 * (BENCH_CAMPAIGN_PER_MINUTE), with the CMS killed (SIGKILL) when a third has gone out and started again. Prints the
 * time to store every delivery row and to hand every letter to the outbox, letters per second at the sink, the
 * busiest second against the throttle, the CMS's resident memory (all processes of its group) and the addresses
 * that got no letter or two. Figures only; nothing asserted.
 */
const RECIPIENTS = benchConfig.BENCH_CAMPAIGN_RECIPIENTS;
const PER_MINUTE = benchConfig.BENCH_CAMPAIGN_PER_MINUTE;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory (MB) of every process in the process group `pgid` (the CMS and its children). */
function groupRssMb(pgid: number | undefined): number {
  if (!pgid) return 0;
  let kb = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: pgrp
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(kb / 1024);
}

export async function run({ stack, log }: BenchContext): Promise<Record<string, unknown>> {
  const prefix = `bench-${Date.now().toString(36)}`;
  let peakRssMb = groupRssMb(stack.services.pid('cms'));
  const rssBeforeMb = peakRssMb;
  const started = Date.now();
  const campaign = await approveCampaign(stack.cmsUrl, { email: stack.adminEmail, password: 'bench-admin-password-1234' }, { prefix, count: RECIPIENTS, perMinute: PER_MINUTE });
  const approvedMs = Date.now() - started;
  log(`campaign: ${RECIPIENTS} addresses imported and approved in ${approvedMs} ms`);

  let rowsStoredMs: number | undefined;
  let allEnqueuedMs: number | undefined;
  let killed = false;
  let finished = false;
  for (let waited = 0; waited < 30 * 60_000 && !finished; waited += 2000) {
    await sleep(2000);
    peakRssMb = Math.max(peakRssMb, groupRssMb(stack.services.pid('cms')));
    const figures = await campaignFigures(campaign.admin, campaign.id).catch(() => undefined);
    if (!figures) continue; // restarting
    if (rowsStoredMs === undefined && figures.recipients === RECIPIENTS) rowsStoredMs = Date.now() - started - approvedMs;
    if (rowsStoredMs !== undefined && allEnqueuedMs === undefined && figures.byState.planned === 0) allEnqueuedMs = Date.now() - started - approvedMs;
    if (!killed && figures.outbox.sent >= RECIPIENTS / 3) {
      await stack.services.kill('cms');
      killed = true;
      log(`campaign: CMS killed (SIGKILL) at ${figures.outbox.sent} sent; starting it again`);
      await stack.services.start('cms');
    }
    finished = figures.state === 'finished';
  }
  const mail = await campaignMail(stack.mailUrl, prefix);
  const messageIds = await messageIdsPerAddress(stack.mailUrl, prefix);
  const arrivals = [...mail.values()].flat().sort((a, b) => a - b);
  const perSecond = new Map<number, number>();
  for (const at of arrivals) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
  const spanS = arrivals.length > 1 ? ((arrivals.at(-1) as number) - (arrivals[0] as number)) / 1000 : 0;
  const figures = {
    recipients: RECIPIENTS,
    perMinuteThrottle: PER_MINUTE,
    importAndApproveMs: approvedMs,
    deliveryRowsStoredMs: rowsStoredMs ?? -1,
    allLettersEnqueuedMs: allEnqueuedMs ?? -1,
    lettersAtSink: arrivals.length,
    lettersPerSecond: spanS > 0 ? Math.round(arrivals.length / spanS) : 0,
    busiestSecond: Math.max(0, ...perSecond.values()),
    throttleAllowsPerSecond: PER_MINUTE / 60,
    cmsRssBeforeMb: rssBeforeMb,
    cmsRssPeakMb: peakRssMb,
    killedMidCampaign: killed,
    addressesWithoutLetter: RECIPIENTS - mail.size,
    // Delivered to the relay twice (a letter in flight at the kill), and how many of those were different messages
    // (must be 0: a resend carries the first copy's Message-ID).
    addressesWithTwoLetters: [...mail.values()].filter((times) => times.length > 1).length,
    addressesWithTwoMessageIds: [...messageIds.values()].filter((ids) => ids.size > 1).length,
    finished,
    // The CMS's own per-recipient results, to compare with the sink's count above.
    deliveryRows: (await campaignFigures(campaign.admin, campaign.id).catch(() => undefined))?.byState ?? {},
  };
  log(`campaign: ${JSON.stringify(figures)}`);
  return figures;
}
