import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, Payload } from 'payload';
import type { ProductionCalendar } from '@portal/core/production-calendar';
import type { DeadlineRule } from '@portal/core/deadlines';
import { COLLECTIONS, GLOBALS } from '../../slugs';
import type { RoutingTopic } from '../intake/routing';
import { deadlineRuleKey, type DeadlineSettings } from '@portal/core/deadline-policy';
import type { AppealChannel } from '@portal/core/appeal-channel';
import type { AppealType } from '@portal/core/appeal-type';
import { loadCalendar, loadCompany, loadDeadlineRule, loadDeadlineSettings, type CompanyDetails } from './settings';

/**
 * How long a process trusts its copy of the robot's settings. Edits made in this process take effect at
 * once (the hooks below drop the copy); edits made through another CMS instance on the same database are
 * seen here within this time.
 */
export const SETTINGS_TTL_MS = 5_000;

/** A topic as forms, routing and the robot need it. */
export interface TopicRef extends RoutingTopic {
  id: number | string;
  slug: string;
  title: string;
}

/** Everything registration and the robot's letters read on every appeal, loaded together. */
export interface RobotSettings {
  company: CompanyDetails;
  /** Where the routing handlers hear about new applications and complaints; null when not set. */
  handlersEmail: string | null;
  calendar: ProductionCalendar;
  /** Deadline rules by appeal type (and `document-originals`), as {@link loadDeadlineRule} resolves them. */
  rule(appealType: string): Promise<DeadlineRule>;
  /** The deadline policy and extension limits («Сроки обслуживания»). */
  deadlineSettings: DeadlineSettings;
  /** The rule an appeal follows under the policy (an e-mail classified by a handler: the rule of what it is). */
  ruleForAppeal(type: AppealType, classifiedAs?: AppealType | null, channel?: AppealChannel | null): Promise<DeadlineRule>;
  topicsBySlug: ReadonlyMap<string, TopicRef>;
  topicsById: ReadonlyMap<string, TopicRef>;
  /** Territory ids by slug (the forms' «Населённый пункт / район»). */
  territoryIdsBySlug: ReadonlyMap<string, number | string>;
  /** Territory names by slug, as clients chose them («г. Ясноборск»), for the admin. */
  territoryNamesBySlug: ReadonlyMap<string, string>;
}

interface CacheEntry {
  generation: number;
  loadedAt: number;
  settings: Promise<RobotSettings>;
}

interface CacheState {
  generation: number;
  entry?: CacheEntry;
}

// On globalThis: Next may load this module more than once, and the hooks must reach the copy the endpoints use.
const CACHE_KEY = Symbol.for('portal.robotSettingsCache');
const holder = globalThis as unknown as Record<symbol, WeakMap<Payload, CacheState> | undefined>;

function stateOf(payload: Payload): CacheState {
  const states = (holder[CACHE_KEY] ??= new WeakMap());
  let state = states.get(payload);
  if (!state) {
    state = { generation: 0 };
    states.set(payload, state);
  }
  return state;
}

async function load(payload: Payload): Promise<RobotSettings> {
  const [company, raw, calendar, topics, territories, deadlineSettings] = await Promise.all([
    loadCompany(payload),
    payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 }) as Promise<{ handlersEmail?: string | null }>,
    loadCalendar(payload),
    payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, overrideAccess: true }),
    payload.find({ collection: COLLECTIONS.territories, pagination: false, depth: 0, overrideAccess: true }),
    loadDeadlineSettings(payload),
  ]);
  const refs: TopicRef[] = topics.docs.map((doc) => ({
    id: doc.id,
    slug: String(doc.slug),
    title: String(doc.title ?? ''),
    handlerGroup: (doc as RoutingTopic).handlerGroup ?? null,
    territoryRoutes: (doc as RoutingTopic).territoryRoutes ?? null,
  }));
  const rules = new Map<string, Promise<DeadlineRule>>();
  const rule = (appealType: string): Promise<DeadlineRule> => {
    let found = rules.get(appealType);
    if (!found) {
      found = loadDeadlineRule(payload, appealType);
      rules.set(appealType, found);
      // A failed read is not remembered: the next appeal asks the database again.
      found.catch(() => rules.delete(appealType));
    }
    return found;
  };
  return {
    company,
    handlersEmail: raw.handlersEmail || null,
    calendar,
    rule,
    deadlineSettings,
    ruleForAppeal: (type, classifiedAs, channel) => rule(deadlineRuleKey(type, deadlineSettings.policy, classifiedAs, channel)),
    topicsBySlug: new Map(refs.map((ref) => [ref.slug, ref])),
    topicsById: new Map(refs.map((ref) => [String(ref.id), ref])),
    territoryIdsBySlug: new Map(territories.docs.map((doc) => [String((doc as { slug?: unknown }).slug), doc.id])),
    territoryNamesBySlug: new Map(territories.docs.map((doc) => [String((doc as { slug?: unknown }).slug), String((doc as { name?: unknown }).name ?? '')])),
  };
}

/**
 * The robot's settings (company details, production calendar, deadline rules, topics), read from the database
 * at most once per {@link SETTINGS_TTL_MS} per process instead of on every appeal. Concurrent callers share
 * one read; a failed read is not kept.
 */
export function robotSettings(payload: Payload, now = Date.now()): Promise<RobotSettings> {
  const state = stateOf(payload);
  const entry = state.entry;
  if (entry && entry.generation === state.generation && now - entry.loadedAt < SETTINGS_TTL_MS) return entry.settings;
  const fresh: CacheEntry = { generation: state.generation, loadedAt: now, settings: load(payload) };
  state.entry = fresh;
  fresh.settings.catch(() => {
    if (state.entry === fresh) state.entry = undefined;
  });
  return fresh.settings;
}

/** Drops this process's copy: the next appeal reads the settings again. */
export function forgetRobotSettings(payload: Payload): void {
  const state = stateOf(payload);
  state.generation += 1;
  state.entry = undefined;
}

/** afterChange hook of the company settings, production calendar and deadlines globals. */
export const forgetRobotSettingsAfterGlobalChange: GlobalAfterChangeHook = ({ doc, req }) => {
  forgetRobotSettings(req.payload);
  return doc;
};

/** afterChange hook of topics and territories: a new, renamed or re-routed one counts for the next form. */
export const forgetRobotSettingsAfterCollectionChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetRobotSettings(req.payload);
  return doc;
};

/** afterDelete hook of topics and territories. */
export const forgetRobotSettingsAfterCollectionDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forgetRobotSettings(req.payload);
  return doc;
};
